import { useLayoutEffect, useState } from 'react';
import type { QueueCountsView } from '@arbiter/contracts';
import { useSession } from '../api/session';
import { CheatSheet } from './cheat-sheet';
import { KbdHint } from './kbd-hint';
import { ariaKeys, loadKeymap, useKeymap, useShortcuts } from './shortcuts';
import { RecentDecisionsPanel } from './recent-decisions-panel';
import { TaskWorkspace } from './task-workspace';
import { lastUndoable } from './use-recent-decisions';
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
    <div
      role="status"
      aria-live="polite"
      className={notice ? `notice ${notice.tone}` : 'notice empty'}
    >
      {notice?.text}
    </div>
  );
}

/** Offline is said in words and pauses every action, not shown as a grey dot beside live buttons. */
function ConnectionBanner({
  connected,
  everConnected,
}: {
  connected: boolean;
  everConnected: boolean;
}) {
  if (connected) return null;
  return everConnected ? (
    <div role="alert" className="banner offline">
      <b>Connection lost, reconnecting…</b> Actions are paused until the desk is back online; your
      task stays yours while its lease runs.
    </div>
  ) : (
    <div className="banner connecting">Connecting to the review desk…</div>
  );
}

/** The reviewer's desk: queues on the left, the held task with its evidence and the decision on the right. */
export function ReviewPage() {
  const desk = useReviewDesk();
  const userId = useSession()?.userId;
  const [help, setHelp] = useState(false);
  // The page re-renders on a rebinding, so every hint and aria-keyshortcuts below follows it.
  useKeymap();
  useLayoutEffect(() => {
    if (userId) loadKeymap(userId);
  }, [userId]);
  const waiting = desk.queues.reduce((sum, q) => sum + q.waiting, 0);
  const canClaim = !desk.task && desk.connected && !desk.busy;

  const canAct = desk.connected && !desk.busy;

  useShortcuts({
    help: () => setHelp((open) => !open),
    claim: canClaim ? () => void desk.claimNext() : undefined,
    undo: canAct
      ? () => {
          const last = lastUndoable(desk.recent.items, Date.now());
          if (last) void desk.undo(last.id);
        }
      : undefined,
  });

  return (
    <main className="desk">
      <aside className="sidebar" aria-label="Queues">
        <h2>
          My queues{' '}
          <span className={desk.connected ? 'conn live' : 'conn'}>
            <span className="dot" aria-hidden="true" /> {desk.connected ? 'live' : 'offline'}
          </span>
        </h2>
        <QueueList queues={desk.queues} />
        {!desk.task && (
          <button
            type="button"
            className="primary wide"
            disabled={!canClaim}
            aria-keyshortcuts={ariaKeys('claim')}
            onClick={() => void desk.claimNext()}
          >
            Claim next{waiting ? ` (${waiting} waiting)` : ''} <KbdHint action="claim" />
          </button>
        )}
        <RecentDecisionsPanel
          items={desk.recent.items}
          disabled={!canAct}
          onUndo={(id) => void desk.undo(id)}
        />
        <button
          type="button"
          className="link shortcuts-link"
          aria-keyshortcuts={ariaKeys('help')}
          onClick={() => setHelp(true)}
        >
          Keyboard shortcuts <KbdHint action="help" />
        </button>
      </aside>
      <section className="workspace" aria-label="Task">
        <ConnectionBanner connected={desk.connected} everConnected={desk.everConnected} />
        <NoticeBar notice={desk.notice} />
        {desk.task ? (
          <TaskWorkspace key={desk.task.task.id} desk={desk} keysEnabled={!help} />
        ) : (
          <div className="empty-state">
            <h2>No task in hand</h2>
            <p className="muted">
              Claim the next task (<kbd>N</kbd>): the most urgent one in your queues comes first.
              After each decision the next one opens by itself. Press <kbd>?</kbd> for every
              shortcut.
            </p>
          </div>
        )}
      </section>
      <CheatSheet open={help} onClose={() => setHelp(false)} />
    </main>
  );
}
