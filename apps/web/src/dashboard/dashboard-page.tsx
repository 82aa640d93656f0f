import { age, LiveBadge, LoadBar, percent, Tile } from './parts';
import { QueueCountsDashboard } from './queue-counts-dashboard';
import { useDashboardFeed, useFlowFigures, type DashboardFeed } from './use-dashboard-feed';

const TREND: Record<string, string> = { empty: 'empty', shrinking: '↓ shrinking', steady: '→ steady', growing: '↑ growing' };

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function StatsDashboard({ feed }: { feed: DashboardFeed }) {
  const { throughput, automation } = useFlowFigures(feed.status !== 'unavailable');
  const snap = feed.snapshot;
  const queues = [...(snap?.queues ?? [])].sort((a, b) => b.breached - a.breached || b.atRisk - a.atRisk || b.waiting - a.waiting || a.queue.localeCompare(b.queue));
  const max = Math.max(1, ...queues.map((q) => q.waiting + q.claimed));
  const t = snap?.totals;

  return (
    <main className="dashboard">
      <div className="dash-head">
        <h2>Review floor</h2>
        <LiveBadge status={feed.status} updatedAt={feed.updatedAt} />
      </div>
      <div className="tiles">
        <Tile label="Waiting" value={t?.waiting ?? '—'} />
        <Tile label="In review" value={t?.claimed ?? '—'} />
        <Tile label="SLA at risk" value={t?.atRisk ?? '—'} tone={t?.atRisk ? 'warn' : undefined} />
        <Tile label="SLA breached" value={t?.breached ?? '—'} tone={t?.breached ? 'bad' : undefined} />
        <Tile label="Decided, last hour" value={throughput?.totals.decisions ?? '—'} hint={throughput ? `${throughput.totals.arrivals} arrived` : undefined} />
        <Tile label="Automation rate" value={percent(automation?.shares.autoApproved)} hint={automation ? `of ${automation.decided} decided, last hour` : undefined} />
      </div>
      {snap?.nextBreach && (
        <p className="notice warning" role="note">
          At the current pace, <b>{snap.nextBreach.queue}</b> breaches its SLA at {clock(snap.nextBreach.at)}.
        </p>
      )}
      <section className="card" aria-labelledby="dash-queues">
        <h3 id="dash-queues">Backlog by queue</h3>
        {queues.length ? (
          <table className="queues wide-table" aria-label="Queue backlog">
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Waiting</th>
                <th scope="col">In review</th>
                <th scope="col">At risk</th>
                <th scope="col">Breached</th>
                <th scope="col">Oldest</th>
                <th scope="col">In / out per min</th>
                <th scope="col">Trend</th>
                <th scope="col" className="bar-col">
                  Load
                </th>
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => (
                <tr key={q.queue}>
                  <th scope="row">{q.queue}</th>
                  <td aria-label={`${q.queue} waiting`}>{q.waiting}</td>
                  <td aria-label={`${q.queue} in review`}>{q.claimed}</td>
                  <td className={q.atRisk ? 'warn-text' : ''}>{q.atRisk}</td>
                  <td className={q.breached ? 'bad-text' : ''}>{q.breached}</td>
                  <td>{age(q.oldestPendingAgeSeconds)}</td>
                  <td>
                    {q.inflowPerMin.toFixed(1)} / {q.clearedPerMin.toFixed(1)}
                  </td>
                  <td>{TREND[q.trend] ?? q.trend}</td>
                  <td className="bar-col">
                    <LoadBar waiting={q.waiting} claimed={q.claimed} max={max} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{snap ? 'Nothing is open in any queue.' : 'Waiting for the first figures…'}</p>
        )}
      </section>
    </main>
  );
}

/** Leads: the live floor from the stats feed; without the stats API, the queue counts. */
export function DashboardPage() {
  const feed = useDashboardFeed();
  return feed.status === 'unavailable' ? <QueueCountsDashboard /> : <StatsDashboard feed={feed} />;
}
