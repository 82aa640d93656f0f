import type { ValidatorConfig } from '../../scoring.types';

/** Dialects of node-sql-parser that a policy may name. */
export const SQL_DIALECTS = [
  'postgresql',
  'mysql',
  'mariadb',
  'sqlite',
  'transactsql',
  'bigquery',
  'snowflake',
  'redshift',
  'trino',
] as const;

/**
 * Functions refused in every policy: they sleep (time-based probing), read or write server files,
 * reach other servers, run programs, stop sessions, or change settings. `denyFunctions` adds to it.
 */
export const DENIED_FUNCTIONS = [
  // PostgreSQL
  'pg_sleep',
  'pg_sleep_for',
  'pg_sleep_until',
  'pg_read_file',
  'pg_read_binary_file',
  'pg_ls_dir',
  'pg_stat_file',
  'pg_ls_logdir',
  'pg_ls_waldir',
  'pg_file_write',
  'lo_import',
  'lo_export',
  'lo_get',
  'lo_put',
  'dblink',
  'dblink_exec',
  'dblink_connect',
  'dblink_send_query',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'set_config',
  'pg_advisory_lock',
  'pg_advisory_xact_lock',
  'query_to_xml',
  'query_to_json',
  'table_to_xml',
  'pg_logical_emit_message',
  // MySQL / MariaDB
  'sleep',
  'benchmark',
  'load_file',
  'get_lock',
  'sys_exec',
  'sys_eval',
  // SQL Server
  'xp_cmdshell',
  'xp_dirtree',
  'xp_regread',
  'openrowset',
  'opendatasource',
  'openquery',
  // SQLite
  'load_extension',
  'randomblob',
  'zeroblob',
];

/** Schemas that describe the server itself: refused unless a `tables` entry names them. */
export const SYSTEM_SCHEMAS = [
  'pg_catalog',
  'information_schema',
  'mysql',
  'sys',
  'performance_schema',
  'sqlite_master',
];

/** A policy's `sql` entry with its defaults filled in and its lists as sets. */
export interface SqlRules {
  dialect: string;
  allow: Set<string>;
  /** Allowed `schema.table` / `table` / `schema.*`, or null for any table. */
  tables: { exact: Set<string>; schemas: Set<string> } | null;
  /** table → allowed columns, or null for any column. */
  columns: Map<string, Set<string>> | null;
  singleStatement: boolean;
  /** null: no LIMIT needed; Infinity: any LIMIT; n: a LIMIT of at most n. */
  limit: number | null;
  deniedFunctions: Set<string>;
  comments: boolean;
  maxLength: number;
  maxDepth: number;
  defaultSchema: string | null;
}

export const SQL_MAX_LENGTH = 20_000;
export const SQL_MAX_DEPTH = 32;

/** Builds the rules once per policy entry (see compiledFor). */
export function compileSqlRules(options: ValidatorConfig): SqlRules {
  const dialect = (options.dialect as string | undefined) ?? 'postgresql';
  const tables = options.tables as string[] | undefined;
  const columns = options.columns as Record<string, string[]> | undefined;
  const requireLimit = options.requireLimit as boolean | number | undefined;
  return {
    dialect,
    allow: new Set(
      ((options.allow as string[] | undefined) ?? ['select']).map((k) => k.toLowerCase()),
    ),
    tables: tables
      ? {
          exact: new Set(tables.filter((t) => !t.endsWith('.*')).map((t) => t.toLowerCase())),
          schemas: new Set(
            tables.filter((t) => t.endsWith('.*')).map((t) => t.slice(0, -2).toLowerCase()),
          ),
        }
      : null,
    columns: columns
      ? new Map(
          Object.entries(columns).map(([t, cs]) => [
            t.toLowerCase(),
            new Set(cs.map((c) => c.toLowerCase())),
          ]),
        )
      : null,
    singleStatement: options.singleStatement !== false,
    limit:
      requireLimit === true ? Infinity : typeof requireLimit === 'number' ? requireLimit : null,
    deniedFunctions: new Set(
      [...DENIED_FUNCTIONS, ...((options.denyFunctions as string[] | undefined) ?? [])].map((f) =>
        f.toLowerCase(),
      ),
    ),
    comments: options.comments !== false,
    maxLength: (options.maxLength as number | undefined) ?? SQL_MAX_LENGTH,
    maxDepth: (options.maxDepth as number | undefined) ?? SQL_MAX_DEPTH,
    defaultSchema:
      (options.defaultSchema as string | undefined)?.toLowerCase() ??
      (dialect === 'postgresql' || dialect === 'redshift' ? 'public' : null),
  };
}

/** Whether a table reference (schema null when unqualified) is allowed by the rules. */
export function tableAllowed(rules: SqlRules, schema: string | null, table: string): boolean {
  const effective = schema ?? rules.defaultSchema;
  if (!rules.tables) {
    if (effective && SYSTEM_SCHEMAS.includes(effective)) return false;
    if (SYSTEM_SCHEMAS.includes(table)) return false;
    return !(rules.dialect === 'postgresql' && table.startsWith('pg_'));
  }
  const { exact, schemas } = rules.tables;
  if ((schema === null || schema === rules.defaultSchema) && exact.has(table)) return true;
  if (effective === null) return false;
  return exact.has(`${effective}.${table}`) || schemas.has(effective);
}
