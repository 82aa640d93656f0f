import { parseDuration } from './duration.parser';
import type { PolicyReview } from './policy.types';

/** The undo window when a policy leaves `review.undoWindow` out: off (decisions final at once). */
export const DEFAULT_UNDO_WINDOW = '0';

/** How long a reviewer's decision is held, undoable, before it is final; 0 when there is no undo. */
export function undoWindowMs(review: Pick<PolicyReview, 'undoWindow'>): number {
  const ms = parseDuration(review.undoWindow ?? DEFAULT_UNDO_WINDOW);
  // A saved policy passed the semantic checks; an unreadable value is treated as no undo.
  return ms !== null && ms > 0 ? ms : 0;
}
