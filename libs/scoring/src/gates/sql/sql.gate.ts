import { sqlParser } from './sql-parser';
import type { GateFinding, ScoringInput, Span, ValidatorConfig } from '../../scoring.types';
import type { Analysis } from '../../engine/analysis';
import type { GateDefinition } from '../../engine/engine.types';
import { compiledFor, targetText } from '../gate-support.util';
import { statementFacts, splitTableEntry } from './sql-ast.util';
import { compileSqlRules, type SqlRules, tableAllowed } from './sql-rules';
import { commentHidesStatement, scanSql } from './sql-scan.util';
import { validateSqlOptions } from './sql-options.validator';

interface Parsed {
  ast?: Record<string, unknown>[];
  tableList?: string[];
  columnList?: string[];
  error?: { message: string; offset?: number };
}

// Outputs repeat (retries, A/B versions, the same question asked twice): a parse costs far more
// than a lookup. Bounded, oldest out first.
const parseCache = new Map<string, Parsed>();
const PARSE_CACHE_SIZE = 512;

function parse(sql: string, dialect: string): Parsed {
  const key = `${dialect}\u0000${sql}`;
  const hit = parseCache.get(key);
  if (hit) return hit;
  let parsed: Parsed;
  try {
    const r = sqlParser().parse(sql, { database: dialect });
    const ast = (Array.isArray(r.ast) ? r.ast : [r.ast]).filter(Boolean) as unknown as Record<
      string,
      unknown
    >[];
    parsed = { ast, tableList: r.tableList, columnList: r.columnList };
  } catch (e) {
    const err = e as { message?: string; location?: { start?: { offset?: number } } };
    parsed = {
      error: {
        message: String(err.message ?? e).slice(0, 300),
        offset: err.location?.start?.offset,
      },
    };
  }
  if (parseCache.size >= PARSE_CACHE_SIZE) parseCache.delete(parseCache.keys().next().value!);
  parseCache.set(key, parsed);
  return parsed;
}

// ```sql fenced blocks: a model that wraps its query in Markdown still has its query checked.
const FENCE_RE = /```(?:sql|postgresql|postgres|mysql|sqlite|tsql)?[ \t]*\n([\s\S]*?)```/gi;

/** The SQL in a text and where it starts: the fenced blocks when there are any, else the text. */
function sqlSources(text: string): { sql: string; offset: number }[] {
  const blocks: { sql: string; offset: number }[] = [];
  FENCE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FENCE_RE.exec(text)) !== null)
    blocks.push({ sql: m[1], offset: m.index + m[0].indexOf(m[1]) });
  return blocks.length ? blocks : [{ sql: text, offset: 0 }];
}

function check(input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const rules = compiledFor(options, compileSqlRules);
  const target = targetText(input, analysis.fullText, options.field, 'sql.missing');
  if ('finding' in target) return [target.finding];
  const findings: GateFinding[] = [];
  let statements = 0;
  for (const source of sqlSources(target.text))
    statements += checkSource(source.sql, source.offset, rules, findings);
  if (statements === 0 && findings.length === 0)
    findings.push({ code: 'sql.empty', message: 'The output has no SQL statement.' });
  if (rules.singleStatement && statements > 1)
    findings.push({
      code: 'sql.multiple_statements',
      message: `The output has ${statements} statements; only one is allowed (stacked queries).`,
    });
  return target.path
    ? findings.map((f) => ({ ...f, spans: f.spans ?? [{ path: target.path }] }))
    : findings;
}

/** Checks one piece of SQL; returns how many statements it holds. */
function checkSource(
  sql: string,
  offset: number,
  rules: SqlRules,
  findings: GateFinding[],
): number {
  if (sql.length > rules.maxLength) {
    findings.push({
      code: 'sql.too_long',
      message: `The SQL is ${sql.length} characters long; at most ${rules.maxLength} are checked, so it is refused.`,
    });
    return 0;
  }
  const scan = scanSql(sql, rules.dialect);
  if (!scan.hasCode) return 0;
  for (const c of scan.comments) {
    const span: Span = {
      start: offset + c.start,
      end: offset + c.end,
      text: sql.slice(c.start, c.end),
    };
    if (commentHidesStatement(c))
      findings.push({
        code: 'sql.comment_statement',
        message: c.executable
          ? 'An executable comment (/*! … */ or /*+ … */) runs as SQL on some servers.'
          : 'A comment contains SQL that could be uncommented or run by another tool.',
        spans: [span],
      });
    else if (!rules.comments)
      findings.push({
        code: 'sql.comment',
        message: 'Comments are not allowed in the SQL.',
        spans: [span],
      });
  }
  if (scan.maxDepth > rules.maxDepth) {
    findings.push({
      code: 'sql.too_deep',
      message: `The SQL nests parentheses ${scan.maxDepth} deep; at most ${rules.maxDepth} are checked, so it is refused.`,
    });
    return 0;
  }
  if (scan.maxSubqueryDepth > rules.maxSubqueryDepth) {
    findings.push({
      code: 'sql.too_deep',
      message: `The SQL nests subqueries ${scan.maxSubqueryDepth} deep; at most ${rules.maxSubqueryDepth} are parsed, so it is refused.`,
    });
    return 0;
  }
  const parsed = parse(sql, rules.dialect);
  if (parsed.error) {
    const at = parsed.error.offset;
    findings.push({
      code: 'sql.parse_error',
      message: `The SQL does not parse as ${rules.dialect}: ${parsed.error.message}`,
      spans:
        at !== undefined
          ? [{ start: offset + at, end: offset + Math.min(at + 1, sql.length) }]
          : undefined,
    });
    return 0;
  }
  const ast = parsed.ast ?? [];
  const cteNames = new Set<string>();
  for (const statement of ast) checkStatement(statement, rules, findings, cteNames);
  checkTables(parsed.tableList ?? [], cteNames, rules, findings);
  if (rules.columns) checkColumns(parsed.columnList ?? [], cteNames, rules.columns, findings);
  return ast.length;
}

function checkStatement(
  statement: Record<string, unknown>,
  rules: SqlRules,
  findings: GateFinding[],
  cteNames: Set<string>,
): void {
  const facts = statementFacts(statement);
  facts.cteNames.forEach((n) => cteNames.add(n));
  if (!rules.allow.has(facts.kind))
    findings.push({
      code: 'sql.statement_kind',
      message: `A ${facts.kind.toUpperCase()} statement is not allowed (allowed: ${[...rules.allow].join(', ')}).`,
    });
  for (const write of facts.nestedWrites)
    if (!rules.allow.has(write))
      findings.push({
        code: 'sql.nested_write',
        message: `A ${write.toUpperCase()} is hidden inside the statement (a CTE or subquery).`,
      });
  if (facts.selectInto && !rules.allow.has('create'))
    findings.push({ code: 'sql.nested_write', message: 'SELECT … INTO creates a table.' });
  const denied = [...facts.functions].filter((f) => rules.deniedFunctions.has(f));
  if (denied.length)
    findings.push({
      code: 'sql.function',
      message: `Denied function${denied.length > 1 ? 's' : ''}: ${[...new Set(denied.map((d) => d.split('.').pop()))].join(', ')}.`,
    });
  if (rules.limit !== null && facts.kind === 'select') {
    if (facts.limit === null || Number.isNaN(facts.limit))
      findings.push({
        code: 'sql.limit_missing',
        message: `The query needs a LIMIT${Number.isFinite(rules.limit) ? ` of at most ${rules.limit}` : ''} as a number.`,
      });
    else if (facts.limit > rules.limit)
      findings.push({
        code: 'sql.limit_too_high',
        message: `LIMIT ${facts.limit} is above the allowed ${rules.limit}.`,
        suggestion: `LIMIT ${rules.limit}`,
      });
  }
}

function checkTables(
  entries: string[],
  cteNames: Set<string>,
  rules: SqlRules,
  findings: GateFinding[],
): void {
  const refused = new Set<string>();
  for (const entry of entries) {
    const { op, schema, table } = splitTableEntry(entry);
    if (schema === null && cteNames.has(table)) continue;
    if (!rules.allow.has(op))
      findings.push({
        code: 'sql.nested_write',
        message: `The SQL would ${op.toUpperCase()} ${schema ? `${schema}.` : ''}${table}.`,
      });
    if (!tableAllowed(rules, schema, table)) refused.add(schema ? `${schema}.${table}` : table);
  }
  if (refused.size)
    findings.push({
      code: 'sql.table',
      message: `Table${refused.size > 1 ? 's' : ''} not allowed: ${[...refused].join(', ')}.`,
    });
}

function checkColumns(
  entries: string[],
  cteNames: Set<string>,
  allowed: Map<string, Set<string>>,
  findings: GateFinding[],
): void {
  const refused = new Set<string>();
  let star = false;
  for (const entry of entries) {
    const { schema: table, table: column } = splitTableEntry(entry);
    if (column === '(.*)' || column === '*') {
      star = true;
      continue;
    }
    if (table !== null && cteNames.has(table)) continue;
    const ok =
      table !== null
        ? allowed.get(table)?.has(column)
        : [...allowed.values()].some((s) => s.has(column));
    if (!ok) refused.add(table ? `${table}.${column}` : column);
  }
  if (star)
    findings.push({
      code: 'sql.column_star',
      message: 'SELECT * reads every column; name the allowed columns instead.',
    });
  if (refused.size)
    findings.push({
      code: 'sql.column',
      message: `Column${refused.size > 1 ? 's' : ''} not allowed: ${[...refused].join(', ')}.`,
    });
}

/** `sql`: the output (or a JSON field of it) parsed with node-sql-parser and held to the policy's rules. */
export const sqlGate: GateDefinition = { check, validate: validateSqlOptions };
