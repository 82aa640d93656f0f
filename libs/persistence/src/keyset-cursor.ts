// A keyset page cursor: the values of the last row shown (its instant as Postgres wrote it, its
// id), joined and base64url-encoded so callers pass it back untouched.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// How Postgres writes a timestamptz as text: `2026-12-06 01:22:40.123456+00`.
const PG_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(:(\d{2}))?$/;

/** What one part of a cursor must be: a UUID, or an instant Postgres can read back. */
export type CursorPart = 'uuid' | 'instant';

export function encodeKeysetCursor(parts: readonly string[]): string {
  return Buffer.from(parts.join('|')).toString('base64url');
}

/**
 * The parts of a cursor when it has exactly the kinds given, each well formed; null otherwise
 * (the caller refuses it with its own 400). A value the query's cast would refuse (February
 * 30th, hour 24) is malformed here, so it never reaches Postgres as a 500.
 */
export function decodeKeysetCursor(cursor: string, kinds: readonly CursorPart[]): string[] | null {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const fits =
    parts.length === kinds.length &&
    parts.every((value, i) => (kinds[i] === 'uuid' ? UUID.test(value) : isPostgresInstant(value)));
  return fits ? parts : null;
}

/** A Postgres instant with a real calendar date and time. */
function isPostgresInstant(text: string): boolean {
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
