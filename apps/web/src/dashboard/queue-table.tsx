import { memo } from 'react';
import { useSharedNow } from '../lib/time';
import { ScrollTable } from '../shell/scroll-table';
import { age, LoadBar } from './parts';
import type { DashboardQueue, DashboardSnapshot } from './stats-view';

const TREND: Record<string, string> = {
  empty: 'empty',
  shrinking: '↓\u00a0shrinking',
  steady: '→\u00a0steady',
  growing: '↑\u00a0growing',
};

/** The oldest task's age, ticking from the time it was stamped: the only cell that moves every second. */
function OldestAge({ queue }: { queue: DashboardQueue }) {
  const now = useSharedNow(1000);
  return (
    <td aria-label={`${queue.queue} oldest`}>
      {age(
        queue.oldestSince === null || queue.oldestSince === undefined
          ? queue.oldestPendingAgeSeconds
          : Math.max(0, (now - queue.oldestSince) / 1000),
      )}
    </td>
  );
}

// A push carries the queues that changed; the others keep their object (applyDelta), so a memo
// row redraws only when its own figures (or the scale of the load bars) moved.
const QueueRow = memo(function QueueRow({ q, max }: { q: DashboardQueue; max: number }) {
  return (
    <tr>
      <th scope="row">{q.queue}</th>
      <td aria-label={`${q.queue} waiting`}>{q.waiting}</td>
      <td aria-label={`${q.queue} in review`}>{q.claimed}</td>
      <td className={q.atRisk ? 'warn-text' : ''}>{q.atRisk ? `⚠\u00a0${q.atRisk}` : 0}</td>
      <td className={q.breached ? 'bad-text' : ''}>{q.breached ? `✗\u00a0${q.breached}` : 0}</td>
      <OldestAge queue={q} />
      <td>
        {q.inflowPerMin.toFixed(1)} / {q.clearedPerMin.toFixed(1)}
      </td>
      <td>{TREND[q.trend] ?? q.trend}</td>
      <td className="bar-col">
        <LoadBar waiting={q.waiting} claimed={q.claimed} max={max} />
      </td>
    </tr>
  );
});

/** Backlog by queue, the most urgent first; "oldest" ticks from the snapshot's timestamp. */
export function QueueTable({ snap }: { snap: DashboardSnapshot | null }) {
  const queues = [...(snap?.queues ?? [])].sort(
    (a, b) =>
      b.breached - a.breached ||
      b.atRisk - a.atRisk ||
      b.waiting - a.waiting ||
      a.queue.localeCompare(b.queue),
  );
  const max = Math.max(1, ...queues.map((q) => q.waiting + q.claimed));
  return (
    <section className="card" aria-labelledby="dash-queues">
      <h3 id="dash-queues">Backlog by queue</h3>
      {queues.length ? (
        <ScrollTable
          label="Queue backlog"
          className="queues wide-table"
          columns={[
            'Queue',
            'Waiting',
            'In review',
            'At risk',
            'Breached',
            'Oldest',
            'In / out per min',
            'Trend',
            { name: 'Load', className: 'bar-col' },
          ]}
        >
          {queues.map((q) => (
            <QueueRow key={q.queue} q={q} max={max} />
          ))}
        </ScrollTable>
      ) : (
        <p className="muted">
          {snap ? 'Nothing is open in any queue.' : 'Waiting for the first figures…'}
        </p>
      )}
    </section>
  );
}
