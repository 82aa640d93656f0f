import { ColumnMap, pickColumns, selectList } from './row-columns';

interface Row {
  id: string;
  clientId: string;
  decidedAt: Date | null;
}
const COLUMNS: ColumnMap<Row> = { id: 'id', clientId: 'client_id', decidedAt: 'decided_at' };

describe('selectList', () => {
  it('aliases snake_case columns to the row fields and leaves same-named ones bare', () => {
    expect(selectList(COLUMNS)).toBe('id, client_id AS "clientId", decided_at AS "decidedAt"');
  });

  it('qualifies and prefixes every column for a join', () => {
    expect(selectList(COLUMNS, { table: 's', prefix: 's.' })).toBe(
      's.id AS "s.id", s.client_id AS "s.clientId", s.decided_at AS "s.decidedAt"',
    );
  });
});

describe('pickColumns', () => {
  it('keeps only the named fields, in the order given', () => {
    const picked: ColumnMap<Pick<Row, 'decidedAt' | 'id'>> = pickColumns(COLUMNS, [
      'decidedAt',
      'id',
    ] as const);
    expect(picked).toEqual({ decidedAt: 'decided_at', id: 'id' });
    expect(selectList(picked, { table: 's' })).toBe('s.decided_at AS "decidedAt", s.id AS "id"');
  });

  it('leaves the source map as it was', () => {
    pickColumns(COLUMNS, ['id'] as const);
    expect(Object.keys(COLUMNS)).toEqual(['id', 'clientId', 'decidedAt']);
  });
});
