import { memo, useState, type ReactNode } from 'react';
import { session, workspaceHeaders } from '../api/session';
import { formatClock, formatShare } from '../lib/time';
import { ScrollTable } from '../shell/scroll-table';
import type { FloorStats } from './use-floor-stats';

const TREND: Record<string, string> = {
  empty: 'empty',
  shrinking: '↓\u00a0shrinking',
  steady: '→\u00a0steady',
  growing: '↑\u00a0growing',
};
const BREAKER: Record<string, string> = {
  closed: '●\u00a0closed: automation on',
  open: '■ open: everything to people',
  half_open: '◐ half open: trial share',
};

function Table({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    <ScrollTable label={label} columns={head} className="queues wide-table">
      {children}
    </ScrollTable>
  );
}

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

// Each table is memoised on its own slice of the figures: a live push re-renders the floor, and
// a slice the last read did not change (use-floor-stats keeps it) must not redraw 50 rows.

/** Each queue's forecast at its current pace, with the time it breaches its SLA. */
export const ForecastTable = memo(function ForecastTable({
  forecast,
}: {
  forecast: FloorStats['forecast'];
}) {
  const queues = forecast?.queues ?? [];
  return (
    <Card id="floor-forecast" title="Forecast">
      {queues.length === 0 ? (
        <p className="muted">No queue has work.</p>
      ) : (
        <Table
          label="Forecast"
          head={['Queue', 'Backlog', 'In / out per min', 'Trend', 'Empties at', 'Breaches at']}
        >
          {queues.map((q) => (
            <tr key={q.queue}>
              <th scope="row">{q.queue}</th>
              <td>{q.backlog}</td>
              <td>
                {q.inflowPerMin.toFixed(1)} / {q.clearedPerMin.toFixed(1)}
              </td>
              <td>{TREND[q.trend] ?? q.trend}</td>
              <td>{q.emptiesAt ? formatClock(q.emptiesAt) : '—'}</td>
              <td className={q.breachAt ? 'bad-text' : ''}>
                {q.breachAt ? `⚠\u00a0${formatClock(q.breachAt)}` : 'no breach expected'}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
});

/** Per pipeline: the automation breaker and the audited bound on errors that escaped to customers. */
export const OversightTable = memo(function OversightTable({
  oversight,
}: {
  oversight: FloorStats['oversight'];
}) {
  return (
    <Card id="floor-oversight" title="Automation oversight by pipeline">
      {oversight.length === 0 ? (
        <p className="muted">No pipeline has figures in the last hour.</p>
      ) : (
        <Table
          label="Oversight"
          head={['Pipeline', 'Breaker', 'Escaped errors (audited)', 'Upper bound', 'Rollout']}
        >
          {oversight.map(({ pipeline, view }) => (
            <tr key={pipeline} data-pipeline={pipeline}>
              <th scope="row">{pipeline}</th>
              <td className={view?.breaker.state === 'open' ? 'bad-text' : ''}>
                {view ? BREAKER[view.breaker.state] : 'unavailable'}
                {view?.breaker.forced && (
                  <span className="muted"> (forced: {view.breaker.forced.reason})</span>
                )}
              </td>
              <td>
                {view
                  ? `${formatShare(view.escapedErrors.overall.errorRate)} of ${view.escapedErrors.overall.audits} audits`
                  : '—'}
              </td>
              <td>{view ? formatShare(view.escapedErrors.overall.upperBound) : '—'}</td>
              <td>
                {view?.rollout
                  ? `${formatShare(view.rollout.share)} (target ≤ ${formatShare(view.rollout.targetError)})`
                  : '—'}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
});

export const ReviewersTable = memo(function ReviewersTable({
  reviewers,
}: {
  reviewers: FloorStats['reviewers'];
}) {
  return (
    <Card id="floor-reviewers" title="Reviewers, last hour">
      {reviewers.length === 0 ? (
        <p className="muted">Nobody has decided a task in the last hour.</p>
      ) : (
        <Table label="Reviewers" head={['Reviewer', 'Decisions', 'Median handling', 'Overturned']}>
          {reviewers.map((r) => (
            <tr key={r.reviewerId}>
              <th scope="row">{r.email ?? r.reviewerId}</th>
              <td>{r.decisions}</td>
              <td>
                {r.medianHandlingMs === null ? '—' : `${(r.medianHandlingMs / 1000).toFixed(1)} s`}
              </td>
              <td>{formatShare(r.overturnRate)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
});

export const VersionsTable = memo(function VersionsTable({
  versions,
}: {
  versions: FloorStats['versions'];
}) {
  return (
    <Card id="floor-versions" title="Pipelines and versions, last hour">
      {versions.length === 0 ? (
        <p className="muted">No submission was routed in the last hour.</p>
      ) : (
        <Table
          label="Versions"
          head={['Pipeline', 'Policy', 'Model', 'Routed', 'Decided', 'Human reject rate']}
        >
          {versions.map((v) => (
            <tr key={`${v.pipeline}-${v.policyVersion}-${v.model}`}>
              <th scope="row">{v.pipeline}</th>
              <td>v{v.policyVersion}</td>
              <td>{v.model}</td>
              <td>{v.routed}</td>
              <td>{v.decided}</td>
              <td>{formatShare(v.humanRejectRate)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
});

/** Downloads GET /v1/stats/export with the lead's token (a plain link would carry none). */
async function download(kind: 'decisions' | 'reviewers', format: 'csv' | 'json'): Promise<void> {
  const res = await fetch(`/v1/stats/export?kind=${kind}&format=${format}`, {
    headers: {
      authorization: `Bearer ${session.get()?.accessToken ?? ''}`,
      ...workspaceHeaders(),
    },
  });
  if (!res.ok) throw new Error(`Export refused (${res.status})`);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), {
    href: url,
    download: `arbiter-${kind}.${format}`,
  });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons() {
  const [error, setError] = useState<string | null>(null);
  const run = (kind: 'decisions' | 'reviewers', format: 'csv' | 'json') => () => {
    setError(null);
    download(kind, format).catch((e: Error) => setError(e.message));
  };
  return (
    <div className="exports" role="group" aria-label="Export">
      <button type="button" onClick={run('decisions', 'csv')}>
        Export decisions (CSV)
      </button>
      <button type="button" onClick={run('reviewers', 'csv')}>
        Export reviewers (CSV)
      </button>
      <button type="button" onClick={run('decisions', 'json')}>
        Export decisions (JSON)
      </button>
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}
