import type { RecentDecisionView } from '@arbiter/contracts';
import { formatClock, useSharedNow } from '../lib/time';
import { KbdHint } from './kbd-hint';
import { ariaKeys } from './shortcuts';
import { lastUndoable } from './use-recent-decisions';

const ACTION: Record<RecentDecisionView['action'], string> = {
  approve: 'Approved',
  reject: 'Rejected',
  edit: 'Edited',
  escalate: 'Escalated',
};

const STATE: Record<RecentDecisionView['state'], string> = {
  pending: 'not sent yet',
  final: 'final',
  undone: 'undone',
  lapsed: 'expired first',
};

/**
 * "My recent decisions": each with its time and whether it went out; one still in its undo
 * window has an Undo button with the seconds left (the newest one is also undone with the key).
 */
export function RecentDecisionsPanel({
  items,
  disabled,
  onUndo,
}: {
  items: RecentDecisionView[];
  disabled: boolean;
  onUndo: (decisionId: string) => void;
}) {
  const now = useSharedNow(1000);
  const keyed = lastUndoable(items, now);
  return (
    <section className="recent-decisions" aria-labelledby="recent-decisions-title">
      <h2 id="recent-decisions-title">My recent decisions</h2>
      {items.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {items.map((d) => {
            const left = d.undoableUntil ? Date.parse(d.undoableUntil) - now : 0;
            return (
              <li key={d.id} data-decision={d.id} data-state={d.state}>
                <span className="what">
                  {ACTION[d.action]} <span className="muted">in {d.queue}</span>
                </span>
                <span className="when muted">
                  <time dateTime={d.decidedAt}>{formatClock(d.decidedAt, now)}</time> ·{' '}
                  {STATE[d.state]}
                </span>
                {left > 0 && (
                  <button
                    type="button"
                    className="small"
                    disabled={disabled}
                    aria-keyshortcuts={keyed?.id === d.id ? ariaKeys('undo') : undefined}
                    onClick={() => onUndo(d.id)}
                  >
                    Undo ({Math.max(1, Math.floor(left / 1000))} s)
                    {keyed?.id === d.id && <KbdHint action="undo" />}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
