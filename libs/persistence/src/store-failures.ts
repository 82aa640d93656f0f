// What a failed write says about itself: the fault of the store (every write would fail now) or
// possibly of the rows it carried. Group commits retry a failed group row by row only in the
// second case, so a bad row fails alone and an outage fails fast.

// SQLSTATE classes of a server that cannot do any work now: connection exception, insufficient
// resources, operator intervention (shutdown, cancel), system error.
const STORE_SQLSTATE_CLASSES = new Set(['08', '53', '57', '58']);

// node-postgres reports a cut session or a pool that cannot connect in time without a code.
const STORE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|connection .*closed/i;

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

const isSqlState = (code: string | undefined): code is string =>
  code !== undefined && /^[0-9A-Z]{5}$/.test(code);

/** Whether the error means the database cannot be used right now (down, unreachable, full). */
export function isStoreFailure(error: unknown): boolean {
  const code = codeOf(error);
  if (isSqlState(code)) return STORE_SQLSTATE_CLASSES.has(code.slice(0, 2));
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return true; // a socket errno
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && STORE_MESSAGES.test(message);
}

/**
 * Whether a failed insert may be the fault of one row: Postgres answered with a SQLSTATE (bad
 * data, a constraint, a conflict) that is not about the server itself.
 */
export function mayBeOneRow(error: unknown): boolean {
  return isSqlState(codeOf(error)) && !isStoreFailure(error);
}
