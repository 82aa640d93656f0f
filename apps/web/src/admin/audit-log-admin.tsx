import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntryView, AuditPageView } from '@arbiter/contracts';
import { api, apiDownload } from '../api/session';
import { formatClock } from '../lib/time';
import { ScrollTable } from '../shell/scroll-table';
import { AuditPendingAdmin } from './audit-pending-admin';

interface Filters {
  actor: string;
  action: string;
  from: string;
  to: string;
}

const NONE: Filters = { actor: '', action: '', from: '', to: '' };

/** The filters as a query string; datetime-local values are the browser's local time. */
function queryOf(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.action.trim()) params.set('action', filters.action.trim());
  if (filters.from) params.set('from', new Date(filters.from).toISOString());
  if (filters.to) params.set('to', new Date(filters.to).toISOString());
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What changed between before and after, field by field (top level), for the table. */
function changedFields(entry: AuditEntryView): string {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (!entry.before && entry.after) return 'created';
  if (entry.before && !entry.after) return 'removed';
  return changed.length ? changed.join(', ') : '—';
}

// An entry not `done` is flagged: the call may have changed something without succeeding.
const STATUS_NOTE: Record<Exclude<AuditEntryView['status'], 'done'>, string> = {
  failed: 'The call failed with a server error; compare before and after to see what it changed.',
  unconfirmed:
    'The call never finished (the server stopped, or its entry could not be written): it may have acted. "After" was read later.',
};

function EntryRow({ entry }: { entry: AuditEntryView }) {
  return (
    <tr data-audit-action={entry.action} data-audit-status={entry.status}>
      <td>{formatClock(entry.at)}</td>
      <th scope="row">{entry.actor.email ?? entry.actor.id ?? 'system'}</th>
      <td>
        <code>{entry.action}</code>
        {entry.status !== 'done' && (
          <>
            {' '}
            <span className="pill warn" title={STATUS_NOTE[entry.status]}>
              {entry.status}
            </span>
          </>
        )}
      </td>
      <td>
        {entry.target.kind} <code>{entry.target.id ?? ''}</code>
      </td>
      <td className="wrap">{changedFields(entry)}</td>
      <td className="wrap">{entry.reason ?? '—'}</td>
      <td>
        <details>
          <summary>Before / after</summary>
          <pre aria-label={`Before ${entry.id}`}>{JSON.stringify(entry.before, null, 2)}</pre>
          <pre aria-label={`After ${entry.id}`}>{JSON.stringify(entry.after, null, 2)}</pre>
          <p className="muted">
            Request {entry.requestId ?? '—'} from {entry.ip ?? '—'}
          </p>
        </details>
      </td>
    </tr>
  );
}

/**
 * Every administrative action, newest first: who, what, on what, what changed, and why; above
 * them, the calls still in flight.
 */
export function AuditLogAdmin({ onNotice }: { onNotice(text: string): void }) {
  const [draft, setDraft] = useState<Filters>(NONE);
  const [filters, setFilters] = useState<Filters>(NONE);
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Export only: the table below is the log's entries, the calls in flight have their own list.
  const [includePending, setIncludePending] = useState(false);

  const load = useCallback(
    async (cursor?: string) => {
      setError(null);
      try {
        const page = await api<AuditPageView>(
          'GET',
          `/v1/audit${queryOf(filters, cursor ? { cursor } : {})}`,
        );
        setEntries((shown) => (cursor ? [...(shown ?? []), ...page.entries] : page.entries));
        setNext(page.next);
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [filters],
  );
  useEffect(() => void load(), [load]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setEntries(null);
    setFilters(draft);
  };
  const exportLog = async () => {
    setError(null);
    try {
      const extra: Record<string, string> = includePending ? { includePending: 'true' } : {};
      const text = await apiDownload(`/v1/audit/export${queryOf(filters, extra)}`);
      const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `arbiter-audit-${new Date().toISOString().slice(0, 10)}.jsonl`;
      link.click();
      URL.revokeObjectURL(url);
      const lines = text ? text.trimEnd().split('\n').length : 0;
      // `status` is each line's last field, so a pending line ends so (an entry's status never is).
      const pending = text.match(/"status":"pending"}\n/g)?.length ?? 0;
      onNotice(
        includePending
          ? `Exported ${lines - pending} entries and ${pending} ${pending === 1 ? 'call' : 'calls'} in flight.`
          : `Exported ${lines} entries.`,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const field = (name: keyof Filters) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
  });

  return (
    <section className="card admin-section" aria-labelledby="audit-title">
      <h3 id="audit-title">Audit log</h3>
      <form className="inline-form" aria-label="Audit filters" onSubmit={apply}>
        <label>
          Actor (email or id)
          <input type="text" {...field('actor')} />
        </label>
        <label>
          Action (e.g. pipeline. or user.create)
          <input type="text" {...field('action')} />
        </label>
        <label>
          From
          <input type="datetime-local" {...field('from')} />
        </label>
        <label>
          To
          <input type="datetime-local" {...field('to')} />
        </label>
        <button type="submit">Filter</button>
        <label className="check">
          <input
            type="checkbox"
            checked={includePending}
            onChange={(e) => setIncludePending(e.target.checked)}
          />{' '}
          Include in-flight calls
        </label>
        <button type="button" onClick={() => void exportLog()}>
          Export (JSON Lines)
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <AuditPendingAdmin query={queryOf(filters)} />
      {entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No administrative action matches.</p>
      ) : (
        <ScrollTable
          label="Audit entries"
          columns={['When', 'Who', 'Action', 'Target', 'Changed', 'Reason', 'Details']}
        >
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} />
          ))}
        </ScrollTable>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          Older entries
        </button>
      )}
    </section>
  );
}
