import { useCallback, useEffect, useState } from 'react';
import type { DeadLetterView, ReplayResultView } from '@arbiter/contracts';
import { api } from '../api/session';
import { formatClock } from '../lib/time';
import { ScrollTable } from '../shell/scroll-table';

/** Outcomes that could not be delivered after every retry, and their replay. */
export function DeadLettersAdmin({ onNotice }: { onNotice(text: string): void }) {
  const [letters, setLetters] = useState<DeadLetterView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<DeadLetterView[]>('GET', '/v1/admin/dead-letters').then(setLetters, (e: Error) =>
      setError(e.message),
    );
  }, []);
  useEffect(load, [load]);
  const replay = async (path: string, body?: unknown) => {
    setError(null);
    try {
      const r = await api<ReplayResultView>('POST', path, body);
      onNotice(`${r.replayed} dead letter${r.replayed === 1 ? '' : 's'} sent again.`);
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card admin-section" aria-labelledby="dead-title">
      <h3 id="dead-title">Dead letters</h3>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {letters === null ? (
        <p className="muted">Loading…</p>
      ) : letters.length === 0 ? (
        <p className="muted">No dead letters: every outcome was delivered.</p>
      ) : (
        <>
          <button
            type="button"
            className="primary"
            onClick={() => void replay('/v1/admin/dead-letters/replay', {})}
          >
            Replay all {letters.length}
          </button>
          <ScrollTable
            label="Dead letters"
            columns={['Event', 'Submission', 'Attempts', 'Last error', 'Dead since', 'Replay']}
          >
            {letters.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.type}</th>
                <td>
                  <code>{d.submissionId.slice(0, 8)}</code>
                </td>
                <td>{d.attempts}</td>
                <td className="wrap">{d.lastError ?? '—'}</td>
                <td>{formatClock(d.deadAt)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void replay(`/v1/admin/dead-letters/${d.id}/replay`)}
                  >
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </section>
  );
}
