import type { QueueCountsView } from '@arbiter/contracts';
import { DecisionPanel } from './decision-panel';
import { Evidence } from './evidence';
import { TaskHeader } from './task-header';
import { useReviewDesk, type Notice } from './use-review-desk';

function QueueList({ queues }: { queues: QueueCountsView[] }) {
  if (!queues.length) return <p className="muted">You are not assigned to any queue yet.</p>;
  return (
    <table className="queues" aria-label="My queues">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col">Waiting</th>
          <th scope="col">In review</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.queue} data-queue={q.queue}>
            <th scope="row">{q.queue}</th>
            <td aria-label={`${q.queue} waiting`}>{q.waiting}</td>
            <td aria-label={`${q.queue} in review`}>{q.claimed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NoticeBar({ notice }: { notice: Notice | null }) {
  return (
    <div role="status" aria-live="polite" className={notice ? `notice ${notice.tone}` : 'notice empty'}>
      {notice?.text}
    </div>
  );
}

/** The reviewer's desk: queues on the left, the held task's evidence and the decision on the right. */
export function ReviewPage() {
  const desk = useReviewDesk();
  const waiting = desk.queues.reduce((sum, q) => sum + q.waiting, 0);

  return (
    <main className="desk">
      <aside className="sidebar" aria-label="Queues">
        <h2>
          My queues <span className={desk.connected ? 'dot live' : 'dot'} title={desk.connected ? 'Live' : 'Offline'} />
        </h2>
        <QueueList queues={desk.queues} />
        {!desk.task && (
          <button type="button" className="primary wide" disabled={desk.busy || !desk.connected} onClick={() => void desk.claimNext()}>
            Claim next{waiting ? ` (${waiting} waiting)` : ''}
          </button>
        )}
        {desk.task && (
          <button type="button" className="wide" onClick={() => void desk.release()}>
            Release task
          </button>
        )}
      </aside>
      <section className="workspace" aria-label="Task">
        <NoticeBar notice={desk.notice} />
        {desk.task ? (
          <>
            <TaskHeader view={desk.task} leaseExpiresAt={desk.leaseExpiresAt} leaseWarning={desk.leaseWarning} />
            <div className="task-body">
              <Evidence view={desk.task} />
              <DecisionPanel key={desk.task.task.id} view={desk.task} busy={desk.busy} onDecide={desk.decide} />
            </div>
          </>
        ) : (
          <div className="empty-state">
            <h2>No task in hand</h2>
            <p className="muted">Claim the next task: the most urgent one in your queues comes first. After each decision the next one opens by itself.</p>
          </div>
        )}
      </section>
    </main>
  );
}
