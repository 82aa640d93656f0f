import { scoreOutput } from '../../engine/score-output';
import { validateScoringConfig } from '../../engine/config-validation';
import type { GateResult, ScoringInput } from '../../scoring.types';
import { RUNAWAY_MS } from '@arbiter/testing';

function gate(output: ScoringInput['output'], options: Record<string, unknown>): GateResult {
  return scoreOutput(
    { input: {}, output },
    { signals: {}, validators: [{ type: 'sql', onFail: 'reject', ...options }] },
  ).gates[0];
}
const codes = (output: ScoringInput['output'], options: Record<string, unknown> = {}) =>
  gate(output, options).findings.map((f) => f.code);
const problems = (options: Record<string, unknown>) =>
  validateScoringConfig({
    signals: {},
    validators: [{ type: 'sql', onFail: 'reject', ...options }],
  });

describe('sql gate', () => {
  it.each([
    ['a plain SELECT', 'SELECT id FROM orders', {}, []],
    ['a DELETE', 'DELETE FROM orders', {}, ['sql.statement_kind', 'sql.nested_write']],
    [
      'a DELETE when allowed',
      'DELETE FROM orders WHERE id = 1',
      { allow: ['select', 'delete'] },
      [],
    ],
    ['two statements', 'SELECT 1; SELECT 2', {}, ['sql.multiple_statements']],
    ['two statements when allowed', 'SELECT 1; SELECT 2', { singleStatement: false }, []],
    ['a denied function', 'SELECT pg_sleep(1)', {}, ['sql.function']],
    [
      'a policy-denied function',
      'SELECT md5(name) FROM t',
      { denyFunctions: ['md5'] },
      ['sql.function'],
    ],
    ['a table outside the list', 'SELECT id FROM users', { tables: ['orders'] }, ['sql.table']],
    ['a table in an allowed schema', 'SELECT id FROM sales.q1', { tables: ['sales.*'] }, []],
    ['unqualified = default schema', 'SELECT id FROM orders', { tables: ['public.orders'] }, []],
    ['a system catalog with no list', 'SELECT * FROM pg_shadow', {}, ['sql.table']],
    ['no LIMIT', 'SELECT id FROM orders', { requireLimit: true }, ['sql.limit_missing']],
    [
      'a LIMIT too high',
      'SELECT id FROM t LIMIT 500',
      { requireLimit: 100 },
      ['sql.limit_too_high'],
    ],
    ['OFFSET before LIMIT', 'SELECT id FROM t OFFSET 5 LIMIT 10', { requireLimit: 100 }, []],
    [
      'a column outside the list',
      'SELECT id, secret FROM t',
      { columns: { t: ['id'] } },
      ['sql.column'],
    ],
    [
      'SELECT * with a column list',
      'SELECT * FROM t',
      { columns: { t: ['id'] } },
      ['sql.column_star'],
    ],
    ['a plain comment', '-- top orders\nSELECT id FROM t', {}, []],
    [
      'a plain comment when refused',
      '-- top orders\nSELECT id FROM t',
      { comments: false },
      ['sql.comment'],
    ],
    [
      'a comment hiding a statement',
      'SELECT id FROM t -- ; DROP TABLE t',
      {},
      ['sql.comment_statement'],
    ],
    ['not SQL at all', 'I cannot help with that.', {}, ['sql.parse_error']],
    ['empty output', '   ', {}, ['sql.empty']],
  ])('postgresql: %s', (_name, sql, options, expected) => {
    expect(codes({ text: sql }, options)).toEqual(expected);
  });

  it.each([
    ['mysql', 'SELECT id FROM t LIMIT 10, 20', { requireLimit: 20 }, []],
    ['mysql', 'SELECT id FROM t LIMIT 10, 50', { requireLimit: 20 }, ['sql.limit_too_high']],
    ['mysql', 'SELECT SLEEP(5)', {}, ['sql.function']],
    ['mysql', 'SELECT id FROM t # ; DROP TABLE t', {}, ['sql.comment_statement']],
    ['mysql', 'SELECT id FROM mysql.user', {}, ['sql.table']],
    ['sqlite', "SELECT load_extension('x')", {}, ['sql.function']],
    ['sqlite', 'SELECT id FROM t LIMIT 5', { requireLimit: true }, []],
    ['transactsql', 'SELECT TOP 10 id FROM t', { requireLimit: 100 }, []],
    ['transactsql', 'SELECT id FROM t', { requireLimit: 100 }, ['sql.limit_missing']],
    ['bigquery', 'SELECT id FROM ds.t LIMIT 5', { tables: ['ds.t'] }, []],
  ])('%s: %s', (dialect, sql, options, expected) => {
    expect(codes({ text: sql }, { dialect, ...options })).toEqual(expected);
  });

  it('checks a JSON field, and names it when it is missing', () => {
    expect(codes({ json: { query: 'SELECT 1', why: 'x' } }, { field: 'query' })).toEqual([]);
    const g = gate({ json: { query: 'DROP TABLE t' } }, { field: 'query' });
    expect(g.findings[0]).toMatchObject({
      code: 'sql.statement_kind',
      spans: [{ path: '$.query' }],
    });
    expect(codes({ json: { other: 1 } }, { field: 'query' })).toEqual(['sql.missing']);
    expect(codes({ text: 'not json' }, { field: 'query' })).toEqual(['sql.missing']);
  });

  it('checks every fenced block of a Markdown answer', () => {
    const text = 'Run:\n```sql\nSELECT id FROM t\n```\nthen\n```sql\nDELETE FROM t\n```';
    expect(codes({ text })).toEqual([
      'sql.statement_kind',
      'sql.nested_write',
      'sql.multiple_statements',
    ]);
  });

  it('points a parse error at its place in the output', () => {
    const g = gate({ text: 'SELECT id FROM WHERE' }, {});
    expect(g.findings[0].code).toBe('sql.parse_error');
    expect(g.findings[0].spans?.[0].start).toBeGreaterThan(0);
  });

  it('refuses over-long and deeply nested input without parsing it, quickly', () => {
    const t0 = performance.now();
    expect(codes({ text: `SELECT ${'1 + '.repeat(10_000)}1` })).toEqual(['sql.too_long']);
    expect(codes({ text: `SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}` })).toEqual([
      'sql.too_deep',
    ]);
    expect(codes({ text: `SELECT ${'('.repeat(30)}1${')'.repeat(30)}` })).toEqual([]);
    // Nested scalar subqueries with LIMIT make the parser exponential (12 s at 10 levels): capped.
    const nested = (d: number) => `SELECT ${'(SELECT '.repeat(d)}1${' LIMIT 1)'.repeat(d)}`;
    expect(codes({ text: nested(31) })).toEqual(['sql.too_deep']);
    expect(codes({ text: nested(4) })).toEqual([]);
    // The worst the parser sees: maxLength characters of nested-but-allowed expressions.
    const wide = `SELECT ${Array.from({ length: 600 }, () => '((((a+b))))').join(' + ')}`;
    expect(wide.length).toBeLessThan(20_000);
    gate({ text: wide }, {});
    expect(performance.now() - t0).toBeLessThan(RUNAWAY_MS);
  });

  it.each([
    [{ dialect: 'oracle' }, 'validators[0].dialect'],
    [{ allow: ['select', 'frobnicate'] }, 'validators[0].allow[1]'],
    [{ tables: ['orders; drop table x'] }, 'validators[0].tables[0]'],
    [{ tables: ['a.b.c.d'] }, 'validators[0].tables[0]'],
    [{ columns: { t: ['ok', 'no way'] } }, 'validators[0].columns.t[1]'],
    [{ denyFunctions: ['pg_sleep()'] }, 'validators[0].denyFunctions[0]'],
    [{ requireLimit: 0 }, 'validators[0].requireLimit'],
    [{ field: 'a..b' }, 'validators[0].field'],
    [{ maxDepth: 1000 }, 'validators[0].maxDepth'],
    [{ maxSubqueryDepth: 12 }, 'validators[0].maxSubqueryDepth'],
    [{ tablez: [] }, 'validators[0].tablez'],
  ])('refuses bad options %j naming %s', (options, path) => {
    expect(problems(options).map((p) => p.path)).toContain(path);
  });

  it('accepts a full set of options', () => {
    expect(
      problems({
        dialect: 'postgresql',
        field: 'result.sql',
        allow: ['select'],
        tables: ['public.orders', 'analytics.*', 'customers'],
        columns: { orders: ['id', 'total'] },
        singleStatement: true,
        requireLimit: 1000,
        denyFunctions: ['md5'],
        comments: false,
        maxLength: 5000,
        maxDepth: 16,
      }),
    ).toEqual([]);
  });
});
