import { useEffect, useState } from 'react';
import type { AuditPendingListView, AuditPendingView } from '@arbiter/contracts';
import { api } from '../api/session';
import { formatClock } from '../lib/time';
import { ScrollTable } from '../shell/scroll-table';

const PENDING_NOTE =
  'Announced, not answered yet: still running, or its server stopped. It becomes an entry when it answers, or an unconfirmed one a few minutes later.';

function PendingRow({ call }: { call: AuditPendingView }) {
  return (
    <tr data-audit-action={call.action} data-audit-status={call.status}>
      <td>{formatClock(call.announcedAt)}</td>
      <th scope="row">{call.actor.email ?? call.actor.id ?? 'system'}</th>
      <td>
        <code>{call.action}</code>{' '}
        <span className="pill warn" title={PENDING_NOTE}>
          {call.status}
        </span>
      </td>
      <td>
        {call.target.kind} <code>{call.target.id ?? ''}</code>
      </td>
      <td className="wrap">{call.reason ?? '—'}</td>
      <td>
        <details>
          <summary>Before / request</summary>
          <pre aria-label={`Before ${call.id}`}>{JSON.stringify(call.before, null, 2)}</pre>
          <pre aria-label={`Request ${call.id}`}>{JSON.stringify(call.request, null, 2)}</pre>
          <p className="muted">
            Request {call.requestId ?? '—'} from {call.ip ?? '—'}
          </p>
        </details>
      </td>
    </tr>
  );
}

/**
 * The calls in flight matching the log's filters (`query`, as the log sends it): shown only when
 * there are some, so that right after an incident an admin sees what a stopped server was doing
 * before it reaches the log as unconfirmed.
 */
export function AuditPendingAdmin({ query }: { query: string }) {
  const [list, setList] = useState<AuditPendingListView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api<AuditPendingListView>('GET', `/v1/audit/pending${query}`).then(
      (read) => current && setList(read),
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [query]);

  if (error)
    return (
      <p role="alert" className="error-text">
        {error}
      </p>
    );
  if (!list?.pending.length) return null;
  return (
    <>
      <h4 id="audit-pending-title">In flight</h4>
      <p className="muted">
        {PENDING_NOTE}
        {list.more && ' Only the newest are shown.'}
      </p>
      <ScrollTable
        label="Calls in flight"
        columns={['Announced', 'Who', 'Action', 'Target', 'Reason', 'Details']}
      >
        {list.pending.map((call) => (
          <PendingRow key={call.id} call={call} />
        ))}
      </ScrollTable>
    </>
  );
}
