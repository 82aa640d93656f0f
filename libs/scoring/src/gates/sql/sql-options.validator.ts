import { sqlParser } from './sql-parser';
import type { ValidatorConfig } from '../../scoring.types';
import type { ConfigProblem } from '../../engine/engine.types';
import {
  checkBoolean,
  checkNumber,
  checkOneOf,
  checkString,
  checkStringArray,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../../engine/options.util';
import { isFieldPath } from '../gate-support.util';
import { STATEMENT_KINDS } from './sql-ast.util';
import { SQL_DIALECTS, SQL_MAX_LENGTH } from './sql-rules';

const KEYS = [
  ...COMMON_VALIDATOR_KEYS,
  'dialect',
  'field',
  'allow',
  'tables',
  'columns',
  'singleStatement',
  'requireLimit',
  'denyFunctions',
  'comments',
  'maxLength',
  'maxDepth',
  'maxSubqueryDepth',
  'defaultSchema',
];
const IDENTIFIER = /^[A-Za-z_][\w$]*$/;

/** Checks an `sql` entry: dialect, statement kinds, and table names the dialect's parser accepts. */
export function validateSqlOptions(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, KEYS, path),
    ...checkOneOf(options.dialect, `${path}.dialect`, SQL_DIALECTS),
    ...checkString(options.field, `${path}.field`),
    ...checkBoolean(options.singleStatement, `${path}.singleStatement`),
    ...checkBoolean(options.comments, `${path}.comments`),
    ...checkNumber(options.maxLength, `${path}.maxLength`, {
      min: 1,
      max: 10 * SQL_MAX_LENGTH,
      integer: true,
    }),
    ...checkNumber(options.maxDepth, `${path}.maxDepth`, { min: 1, max: 200, integer: true }),
    ...checkNumber(options.maxSubqueryDepth, `${path}.maxSubqueryDepth`, {
      min: 1,
      max: 6,
      integer: true,
    }),
    ...checkString(options.defaultSchema, `${path}.defaultSchema`),
  ];
  if (typeof options.field === 'string' && !isFieldPath(options.field))
    problems.push({
      path: `${path}.field`,
      message: 'must be a dotted path such as "query" or "result.sql"',
    });
  if (options.requireLimit !== undefined && typeof options.requireLimit !== 'boolean')
    problems.push(
      ...checkNumber(options.requireLimit, `${path}.requireLimit`, { min: 1, integer: true }),
    );
  problems.push(...checkStringArray(options.allow, `${path}.allow`));
  if (Array.isArray(options.allow))
    options.allow.forEach((k: unknown, i) => {
      if (
        typeof k === 'string' &&
        !(STATEMENT_KINDS as readonly string[]).includes(k.toLowerCase())
      )
        problems.push({
          path: `${path}.allow[${i}]`,
          message: `unknown statement kind "${k}" (known: ${STATEMENT_KINDS.join(', ')})`,
        });
    });
  problems.push(...checkStringArray(options.denyFunctions, `${path}.denyFunctions`));
  if (Array.isArray(options.denyFunctions))
    options.denyFunctions.forEach((f: unknown, i) => {
      if (typeof f === 'string' && !IDENTIFIER.test(f))
        problems.push({
          path: `${path}.denyFunctions[${i}]`,
          message: `"${f}" is not a function name`,
        });
    });
  const dialect = SQL_DIALECTS.includes(options.dialect as never)
    ? (options.dialect as string)
    : 'postgresql';
  problems.push(...checkStringArray(options.tables, `${path}.tables`));
  if (Array.isArray(options.tables))
    options.tables.forEach((t: unknown, i) => {
      if (typeof t !== 'string' || !t) return;
      const problem = tableRuleProblem(t, dialect);
      if (problem) problems.push({ path: `${path}.tables[${i}]`, message: problem });
    });
  if (options.columns !== undefined) {
    if (!options.columns || typeof options.columns !== 'object' || Array.isArray(options.columns))
      problems.push({
        path: `${path}.columns`,
        message: 'must be a map of table → list of column names',
      });
    else
      for (const [table, cols] of Object.entries(options.columns as Record<string, unknown>)) {
        const p = `${path}.columns.${table}`;
        problems.push(...checkStringArray(cols, p, true));
        if (Array.isArray(cols))
          cols.forEach((c: unknown, i) => {
            if (typeof c === 'string' && c && !IDENTIFIER.test(c))
              problems.push({ path: `${p}[${i}]`, message: `"${c}" is not a column name` });
          });
      }
  }
  return problems;
}

/** Why a `tables` entry is not a table the dialect could name, or null. */
function tableRuleProblem(rule: string, dialect: string): string | null {
  const name = rule.endsWith('.*') ? rule.slice(0, -2) : rule;
  if (name.split('.').length > 2) return `"${rule}" must be "table", "schema.table" or "schema.*"`;
  try {
    const r = sqlParser().parse(`SELECT 1 FROM ${name}`, { database: dialect });
    const tables = r.tableList ?? [];
    if (tables.length !== 1 || Array.isArray(r.ast)) throw new Error('not a single table name');
    return null;
  } catch {
    return `"${rule}" does not parse as a ${dialect} table name`;
  }
}
