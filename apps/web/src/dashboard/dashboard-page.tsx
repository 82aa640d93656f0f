import { formatClock } from '../lib/time';
import { FloorCharts } from './floor-charts';
import {
  ExportButtons,
  ForecastTable,
  OversightTable,
  ReviewersTable,
  VersionsTable,
} from './floor-tables';
import { LiveBadge, percent, Tile } from './parts';
import { QueueCountsDashboard } from './queue-counts-dashboard';
import { QueueTable } from './queue-table';
import { useDashboardFeed, type DashboardFeed } from './use-dashboard-feed';
import { useFloorStats } from './use-floor-stats';

function StatsDashboard({ feed }: { feed: DashboardFeed }) {
  // Every push (or the first snapshot) re-reads the figures, throttled: the tiles and charts stay live.
  const stats = useFloorStats(feed.status !== 'unavailable', feed.updatedAt ?? 0);
  const snap = feed.snapshot;
  const t = snap?.totals;
  const { throughput, automation } = stats;

  return (
    <main className="dashboard">
      <div className="dash-head">
        <h2>Review floor</h2>
        <LiveBadge status={feed.status} updatedAt={feed.updatedAt} />
        <ExportButtons />
      </div>
      <div className="tiles">
        <Tile label="Waiting" value={t?.waiting ?? '—'} />
        <Tile label="In review" value={t?.claimed ?? '—'} />
        <Tile label="SLA at risk" value={t?.atRisk ?? '—'} tone={t?.atRisk ? 'warn' : undefined} />
        <Tile
          label="SLA breached"
          value={t?.breached ?? '—'}
          tone={t?.breached ? 'bad' : undefined}
        />
        <Tile
          label="Decided, last hour"
          value={throughput?.totals.decisions ?? '—'}
          hint={throughput ? `${throughput.totals.arrivals} arrived` : undefined}
        />
        <Tile
          label="Automation rate"
          value={percent(automation?.shares.autoApproved)}
          hint={automation ? `of ${automation.decided} decided, last hour` : undefined}
        />
      </div>
      {snap?.nextBreach && (
        <p className="notice warning" role="note">
          ⚠ At the current pace, <b>{snap.nextBreach.queue}</b> breaches its SLA at{' '}
          {formatClock(snap.nextBreach.at)}.
        </p>
      )}
      <FloorCharts stats={stats} history={feed.history} />
      <QueueTable snap={snap} />
      <ForecastTable forecast={stats.forecast} />
      <OversightTable oversight={stats.oversight} />
      <div className="two-up">
        <ReviewersTable reviewers={stats.reviewers} />
        <VersionsTable versions={stats.versions} />
      </div>
    </main>
  );
}

/** Leads: the live floor from the stats feed; without the stats API, the queue counts. */
export function DashboardPage() {
  const feed = useDashboardFeed();
  return feed.status === 'unavailable' ? <QueueCountsDashboard /> : <StatsDashboard feed={feed} />;
}
