import { useEffect, useState, type FormEvent } from 'react';
import type { QueueCountsView, QueueTasksView } from '@arbiter/contracts';
import { api } from '../api/session';
import { formatClock } from '../lib/time';
import { ScrollTable } from '../shell/scroll-table';

interface Filters {
  queue: string;
  status: 'open' | 'pending' | 'claimed';
  pipeline: string;
  reason: string;
  maxPriority: string;
  dueWithinMin: string;
}

const EMPTY: Filters = {
  queue: '',
  status: 'open',
  pipeline: '',
  reason: '',
  maxPriority: '',
  dueWithinMin: '',
};

/** The query string the API takes; "due within N minutes" becomes an absolute dueBefore now. */
function queryOf(f: Filters): string {
  const q = new URLSearchParams({ status: f.status });
  if (f.pipeline.trim()) q.set('pipeline', f.pipeline.trim());
  if (f.reason.trim()) q.set('reason', f.reason.trim());
  if (f.maxPriority.trim()) q.set('maxPriority', f.maxPriority.trim());
  if (f.dueWithinMin.trim())
    q.set('dueBefore', new Date(Date.now() + Number(f.dueWithinMin) * 60_000).toISOString());
  return q.toString();
}

const SLA: Record<string, string> = {
  ok: 'on time',
  at_risk: '⚠\u00a0at risk',
  breached: '✗\u00a0breached',
};

function TaskTable({ listing }: { listing: QueueTasksView }) {
  if (listing.tasks.length === 0) return <p className="muted">No open task matches.</p>;
  return (
    <>
      <ScrollTable
        label={`Tasks in ${listing.queue}`}
        className="queues wide-table"
        columns={[
          'Priority',
          'Due',
          'SLA',
          'Status',
          'Pipeline',
          'Reasons',
          'External id',
          'Arrived',
        ]}
      >
        {listing.tasks.map((t) => (
          <tr key={t.id} data-task={t.id}>
            <th scope="row">{t.priority}</th>
            <td>{formatClock(t.dueAt)}</td>
            <td>{SLA[t.slaState] ?? t.slaState}</td>
            <td>
              {t.status === 'claimed' ? `in review by ${t.claimedBy ?? 'someone'}` : 'waiting'}
              {t.kind !== 'review' && (
                <span className="chip">{t.kind === 'qa' ? 'audit' : t.kind}</span>
              )}
            </td>
            <td>
              {t.pipeline} v{t.policyVersion}
            </td>
            <td>{t.reasons.length ? t.reasons.join(', ') : '—'}</td>
            <td>{t.externalId ?? '—'}</td>
            <td>{formatClock(t.createdAt)}</td>
          </tr>
        ))}
      </ScrollTable>
      {listing.more && (
        <p className="muted">More tasks match: narrow the filters to see the rest.</p>
      )}
    </>
  );
}

/** Leads: a read-only look into a queue, filtered by status, pipeline, reason, priority and due time. */
export function QueueBrowserPage() {
  const [queues, setQueues] = useState<string[]>([]);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [listing, setListing] = useState<QueueTasksView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<QueueCountsView[]>('GET', '/v1/review/queues').then(
      (list) => {
        const names = list.map((q) => q.queue).sort();
        setQueues(names);
        setFilters((f) => (f.queue || !names[0] ? f : { ...f, queue: names[0] }));
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const show = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!filters.queue) return;
    setError(null);
    try {
      setListing(
        await api<QueueTasksView>(
          'GET',
          `/v1/review/queues/${encodeURIComponent(filters.queue)}/tasks?${queryOf(filters)}`,
        ),
      );
    } catch (e) {
      setListing(null);
      setError((e as Error).message);
    }
  };
  const set = (key: keyof Filters) => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <main className="dashboard">
      <div className="dash-head">
        <h2>Queue browser</h2>
      </div>
      <form className="inline-form card" aria-label="Filters" onSubmit={(e) => void show(e)}>
        <label>
          Queue
          <select value={filters.queue} onChange={(e) => set('queue')(e.target.value)} required>
            {queues.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filters.status} onChange={(e) => set('status')(e.target.value)}>
            <option value="open">waiting or in review</option>
            <option value="pending">waiting</option>
            <option value="claimed">in review</option>
          </select>
        </label>
        <label>
          Pipeline
          <input value={filters.pipeline} onChange={(e) => set('pipeline')(e.target.value)} />
        </label>
        <label>
          Reason code
          <input value={filters.reason} onChange={(e) => set('reason')(e.target.value)} />
        </label>
        <label>
          Priority at most
          <input
            type="number"
            min={1}
            value={filters.maxPriority}
            onChange={(e) => set('maxPriority')(e.target.value)}
          />
        </label>
        <label>
          Due within (minutes)
          <input
            type="number"
            min={0}
            value={filters.dueWithinMin}
            onChange={(e) => set('dueWithinMin')(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={!filters.queue}>
          Show tasks
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!listing && !error && (
        <p className="muted">Choose a queue, and filters if you like, then Show tasks.</p>
      )}
      {listing && (
        <section className="card" aria-labelledby="browser-title">
          <h3 id="browser-title">
            {listing.queue} <span className="count">{listing.tasks.length}</span>
          </h3>
          <TaskTable listing={listing} />
        </section>
      )}
    </main>
  );
}
