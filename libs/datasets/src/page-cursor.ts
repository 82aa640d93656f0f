import { DatasetsError, DatasetsErrorCode } from './datasets.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// How Postgres writes a timestamptz as text: `2026-12-06 01:22:40.123456+00`.
const PG_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(:(\d{2}))?$/;

/** One page of a list, and the cursor of the next page: null on the last one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Items a page holds unless the caller asks for another number (as the audit log's pages). */
export const DEFAULT_PAGE_LIMIT = 50;

/** What one part of a cursor's position must be. */
export type CursorPart = 'uuid' | 'instant';

/**
 * A page cursor: the id of what is paged (a dataset, a run) and the position of the last row
 * shown. The id is inside so a cursor of another dataset's or run's pages, or of another list,
 * is refused rather than read as a position in this one.
 */
export function encodePageCursor(scopeId: string, position: string[]): string {
  return Buffer.from([scopeId, ...position].join('|')).toString('base64url');
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
  const [scope, ...position] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const fits =
    scope === scopeId &&
    position.length === parts.length &&
    position.every((value, i) => (parts[i] === 'uuid' ? UUID.test(value) : isInstant(value)));
  if (!fits)
    throw new DatasetsError(
      DatasetsErrorCode.BadCursor,
      `cursor must be the nextCursor of a page of ${what}`,
      [{ path: 'cursor', message: `is not the nextCursor of a page of ${what}` }],
    );
  return position;
}

/** A Postgres instant with a real calendar date and time (Feb 30 would be a 500 from the cast). */
function isInstant(text: string): boolean {
  const m = PG_INSTANT.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    Number(m[8]) < 16 &&
    Number(m[10] ?? 0) < 60
  );
}
