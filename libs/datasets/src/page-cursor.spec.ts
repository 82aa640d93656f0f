import { DatasetsError, DatasetsErrorCode } from './datasets.errors';
import { decodePageCursor, encodePageCursor } from './page-cursor';

const DATASET = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ITEM = '33333333-3333-4333-8333-333333333333';
const AT = '2026-01-01 00:00:00.000143+00';
const raw = (text: string) => Buffer.from(text).toString('base64url');

describe('page cursors', () => {
  it('gives back the position it was made with, for the list it was made for', () => {
    const cursor = encodePageCursor(DATASET, [AT, ITEM]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor, DATASET, ['instant', 'uuid'], 'items')).toEqual([AT, ITEM]);
    expect(decodePageCursor(encodePageCursor(OTHER, [ITEM]), OTHER, ['uuid'], 'results')).toEqual([
      ITEM,
    ]);
  });

  it.each([
    ["another dataset's", encodePageCursor(OTHER, [AT, ITEM])],
    ["a run report's (another list's shape)", encodePageCursor(DATASET, [ITEM])],
    ["the audit log's (no list id)", raw(`${AT}|${ITEM}`)],
    ['not base64 of anything', 'bm90IGEgY3Vyc29y'],
    ['empty', ''],
    ['with a made-up id', encodePageCursor(DATASET, [AT, 'not-a-uuid'])],
    ['with February 30th', encodePageCursor(DATASET, ['2026-02-30 00:00:00+00', ITEM])],
    ['with hour 24', encodePageCursor(DATASET, ['2026-01-01 24:00:00+00', ITEM])],
    ['with an ISO instant', encodePageCursor(DATASET, ['2026-01-01T00:00:00Z', ITEM])],
    ['with an extra part', encodePageCursor(DATASET, [AT, ITEM, ITEM])],
  ])('refuses a cursor (%s) with datasets.bad_cursor naming the list', (_, cursor) => {
    let error: unknown;
    try {
      decodePageCursor(cursor, DATASET, ['instant', 'uuid'], "this dataset's items");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetsError);
    expect(error).toMatchObject({
      code: DatasetsErrorCode.BadCursor,
      message: "cursor must be the nextCursor of a page of this dataset's items",
      problems: [{ path: 'cursor', message: expect.stringContaining('nextCursor') }],
    });
  });

  it('takes the offsets Postgres writes (+05:30, -08)', () => {
    for (const at of ['2026-06-30 23:59:59.999999+05:30', '2024-02-29 12:00:00-08'])
      expect(
        decodePageCursor(encodePageCursor(DATASET, [at, ITEM]), DATASET, ['instant', 'uuid'], 'x'),
      ).toEqual([at, ITEM]);
  });
});
