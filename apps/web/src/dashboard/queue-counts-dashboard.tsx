import { useLiveQueues } from '../api/use-live-queues';
import { ScrollTable } from '../shell/scroll-table';
import { LiveBadge, LoadBar, Tile } from './parts';

/** Fallback when the stats API is not deployed: every queue's counts, live from /review pushes. */
export function QueueCountsDashboard() {
  const { queues, connected, updatedAt } = useLiveQueues();
  const sorted = [...queues].sort(
    (a, b) => b.waiting - a.waiting || a.queue.localeCompare(b.queue),
  );
  const max = Math.max(1, ...queues.map((q) => q.waiting + q.claimed));
  const waiting = queues.reduce((n, q) => n + q.waiting, 0);
  const claimed = queues.reduce((n, q) => n + q.claimed, 0);

  return (
    <main className="dashboard">
      <div className="dash-head">
        <h2>Review queues</h2>
        <LiveBadge status={connected ? 'live' : 'offline'} updatedAt={updatedAt} />
      </div>
      <div className="tiles">
        <Tile label="Waiting" value={waiting} />
        <Tile label="In review" value={claimed} />
        <Tile label="Queues" value={queues.length} />
      </div>
      <section className="card" aria-labelledby="dash-queues">
        <h3 id="dash-queues">Backlog by queue</h3>
        <ScrollTable
          label="Queue backlog"
          className="queues wide-table"
          columns={['Queue', 'Waiting', 'In review', { name: 'Load', className: 'bar-col' }]}
        >
          {sorted.map((q) => (
            <tr key={q.queue}>
              <th scope="row">{q.queue}</th>
              <td aria-label={`${q.queue} waiting`}>{q.waiting}</td>
              <td aria-label={`${q.queue} in review`}>{q.claimed}</td>
              <td className="bar-col">
                <LoadBar waiting={q.waiting} claimed={q.claimed} max={max} />
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>
    </main>
  );
}
