import type { Parser } from 'node-sql-parser';

let parser: Parser | undefined;

/**
 * node-sql-parser, loaded at the first parse: its grammars are about 12 MB of RSS, and the api
 * (which checks policies but runs a SQL gate's options check only for a policy that has one)
 * would otherwise carry them from start.
 */
export function sqlParser(): Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parser ??= new (require('node-sql-parser') as typeof import('node-sql-parser')).Parser();
  return parser;
}
