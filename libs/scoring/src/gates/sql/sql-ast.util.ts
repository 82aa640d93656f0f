/** Statement kinds a policy may allow, as node-sql-parser names them. */
export const STATEMENT_KINDS = [
  'select',
  'insert',
  'replace',
  'update',
  'delete',
  'create',
  'drop',
  'alter',
  'truncate',
  'rename',
  'grant',
  'revoke',
  'use',
  'set',
  'show',
  'desc',
  'explain',
  'call',
  'exec',
  'lock',
  'unlock',
  'transaction',
  'declare',
  'load_data',
  'merge',
] as const;

// Kinds that change data or the schema: found anywhere in the tree (a CTE, a subquery), they are a
// write hidden inside a read. Expression nodes use other type names (function, column_ref…).
const WRITE_KINDS = new Set([
  'insert',
  'replace',
  'update',
  'delete',
  'create',
  'drop',
  'alter',
  'truncate',
  'rename',
  'grant',
  'revoke',
  'merge',
  'load_data',
]);

/** What one parsed statement contains, collected in one walk of its tree. */
export interface StatementFacts {
  kind: string;
  /** Lowercased function names, schema-qualified ones also as `schema.name`. */
  functions: Set<string>;
  /** Write kinds nested below the top (CTEs, subqueries). */
  nestedWrites: Set<string>;
  /** Names the statement defines with WITH (not real tables). */
  cteNames: Set<string>;
  /** SELECT … INTO: creates a table. */
  selectInto: boolean;
  /** The row limit of the outermost query: a number, `null` when none, NaN when not a literal. */
  limit: number | null;
}

type Node = Record<string, unknown>;

const MAX_WALK_DEPTH = 400;

/** Walks a statement's tree once; iterative, so a deep tree cannot overflow the stack. */
export function statementFacts(statement: Node): StatementFacts {
  const facts: StatementFacts = {
    kind: String(statement.type ?? 'unknown').toLowerCase(),
    functions: new Set(),
    nestedWrites: new Set(),
    cteNames: new Set(),
    selectInto: false,
    limit: outerLimit(statement),
  };
  const stack: [unknown, number][] = [[statement, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object' || depth > MAX_WALK_DEPTH) continue;
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth + 1]);
      continue;
    }
    const node = value as Node;
    const type = typeof node.type === 'string' ? node.type.toLowerCase() : '';
    if (type === 'function' || type === 'aggr_func') addFunction(facts.functions, node.name);
    else if (depth > 0 && WRITE_KINDS.has(type)) facts.nestedWrites.add(type);
    if (type === 'select') {
      const into = node.into as Node | null | undefined;
      if (into && into.position) facts.selectInto = true;
    }
    if (Array.isArray(node.with))
      for (const cte of node.with as Node[]) {
        const name = (cte?.name as Node | undefined)?.value ?? cte?.name;
        if (typeof name === 'string') facts.cteNames.add(name.toLowerCase());
      }
    for (const key in node) if (key !== 'type') stack.push([node[key], depth + 1]);
  }
  return facts;
}

function addFunction(into: Set<string>, name: unknown): void {
  if (typeof name === 'string') {
    into.add(name.toLowerCase());
    return;
  }
  if (!name || typeof name !== 'object') return;
  const parts = ((name as Node).name as Node[] | undefined)?.map((p) => String(p?.value ?? ''));
  if (!parts?.length) return;
  const bare = parts.join('.').toLowerCase();
  into.add(bare);
  into.add(parts[parts.length - 1].toLowerCase());
  const schema = ((name as Node).schema as Node | undefined)?.value;
  if (typeof schema === 'string') into.add(`${schema.toLowerCase()}.${bare}`);
}

/** The LIMIT of a SELECT (the last one of a UNION chain, where the whole result's limit sits). */
function outerLimit(statement: Node): number | null {
  let node: Node = statement;
  while (node._next && typeof node._next === 'object') node = node._next as Node;
  const count = limitCount(node.limit) ?? limitCount(node._limit);
  if (count !== undefined) return count;
  return statement.top ? topLimit(statement.top) : null;
}

type LimitNode = { seperator?: string; value?: Node[] } | null | undefined;

/** The row count of a LIMIT clause; undefined when it has none (absent, or an OFFSET alone). */
function limitCount(raw: unknown): number | undefined {
  const limit = raw as LimitNode;
  const values = limit?.value ?? [];
  if (values.length === 0) return undefined;
  // "LIMIT offset, count" (MySQL) puts the count second; "OFFSET n" alone has no count.
  if (limit?.seperator === 'offset' && values.length === 1) return undefined;
  const count = limit?.seperator === ',' && values.length > 1 ? values[1] : values[0];
  return typeof count?.value === 'number' ? count.value : Number.NaN;
}

function topLimit(top: unknown): number {
  const value = (top as Node | undefined)?.value;
  return typeof value === 'number' ? value : Number.NaN;
}

/** A `op::schema::table` entry of node-sql-parser's table list, split. */
export function splitTableEntry(entry: string): {
  op: string;
  schema: string | null;
  table: string;
} {
  const [op, schema, ...rest] = entry.split('::');
  return {
    op: op.toLowerCase(),
    schema: schema === 'null' ? null : schema.toLowerCase(),
    table: rest.join('::').toLowerCase(),
  };
}
