/** Where in the request a problem is, and what it is (`output.text`: "contains a NUL character"). */
export interface ErrorProblem {
  path: string;
  message: string;
}

/**
 * A refusal by the domain, with a stable code (`review.lease_lost`). Libs throw these and know
 * nothing of HTTP or sockets: each edge maps every code to its status once, exhaustively
 * (apps/api/src/common/error-status.ts).
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly problems?: ErrorProblem[],
    /** For refusals that pass with time (throttles, quotas): when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
