import type { Problem } from './types';

/** Every error this client throws. */
export class ArbiterError extends Error {
  override name = 'ArbiterError';
}

/** A field the contract refuses, found before anything was sent. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The request breaks the contract: refused locally, never sent. */
export class ArbiterValidationError extends ArbiterError {
  override name = 'ArbiterValidationError';
  constructor(
    readonly problems: FieldProblem[],
    what = 'request',
  ) {
    super(
      `invalid ${what}: ${problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('; ')}`,
    );
  }
}

/** The api refused or failed: its Problem body, status and request id. */
export class ArbiterApiError extends ArbiterError {
  override name = 'ArbiterApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly requestId: string | null,
    /** Seconds the api asked to wait (429, 503), when it said. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${status} ${problem.error}: ${problem.message}`);
  }

  /** The fields the api named, when the refusal is about fields. */
  get problems(): FieldProblem[] {
    return this.problem.problems ?? [];
  }
}

/** No decision within the time the caller gave; `submission` is how it stood. */
export class DecisionTimeoutError extends ArbiterError {
  override name = 'DecisionTimeoutError';
  constructor(readonly submission: { id: string; status: string }) {
    super(`submission ${submission.id} is still ${submission.status}`);
  }
}

/** A webhook whose signature or timestamp does not verify: do not act on it. */
export class WebhookVerificationError extends ArbiterError {
  override name = 'WebhookVerificationError';
}
