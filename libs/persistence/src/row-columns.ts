/**
 * A row type's columns, written once as `field: column` (every field of the row must have one:
 * a new field without its column does not compile). The SELECT lists derive from it, so the row
 * type and the SQL that fills it cannot drift apart.
 */
export type ColumnMap<Row> = { readonly [K in keyof Row]-?: string };

/** `client_id AS "clientId", status, …` for `SELECT`/`RETURNING`; `prefix` names the fields `"<prefix><field>"`. */
export function selectList<Row>(
  columns: ColumnMap<Row>,
  options: { table?: string; prefix?: string } = {},
): string {
  const qualify = options.table ? `${options.table}.` : '';
  const prefix = options.prefix ?? '';
  return (Object.entries(columns) as [string, string][])
    .map(([field, column]) =>
      column === field && !prefix && !qualify
        ? column
        : `${qualify}${column} AS "${prefix}${field}"`,
    )
    .join(', ');
}

/** The columns of some of a row's fields, in the order given: for a query that reads only part of a row. */
export function pickColumns<Row, K extends keyof Row>(
  columns: ColumnMap<Row>,
  fields: readonly K[],
): ColumnMap<Pick<Row, K>> {
  return Object.fromEntries(fields.map((field) => [field, columns[field]])) as ColumnMap<
    Pick<Row, K>
  >;
}
