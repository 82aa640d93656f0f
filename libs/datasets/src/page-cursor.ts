import { CursorPart, decodeKeysetCursor, encodeKeysetCursor } from '@arbiter/persistence';
import { DatasetsError, DatasetsErrorCode } from './datasets.errors';

export type { CursorPart } from '@arbiter/persistence';

/** One page of a list, and the cursor of the next page: null on the last one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Items a page holds unless the caller asks for another number (as the audit log's pages). */
export const DEFAULT_PAGE_LIMIT = 50;

/**
 * A page cursor: the id of what is paged (a dataset, a run) and the position of the last row
 * shown. The id is inside so a cursor of another dataset's or run's pages, or of another list,
 * is refused rather than read as a position in this one.
 */
export function encodePageCursor(scopeId: string, position: string[]): string {
  return encodeKeysetCursor([scopeId, ...position]);
}

/**
 * The position a cursor of `scopeId`'s pages holds; a coded 400 (datasets.bad_cursor) naming
 * `what` when it is malformed, of another list, or holds a value Postgres would refuse.
 */
export function decodePageCursor(
  cursor: string,
  scopeId: string,
  parts: CursorPart[],
  what: string,
): string[] {
  const decoded = decodeKeysetCursor(cursor, ['uuid', ...parts]);
  if (!decoded || decoded[0] !== scopeId)
    throw new DatasetsError(
      DatasetsErrorCode.BadCursor,
      `cursor must be the nextCursor of a page of ${what}`,
      [{ path: 'cursor', message: `is not the nextCursor of a page of ${what}` }],
    );
  return decoded.slice(1);
}
