import { DomainError } from '@arbiter/errors';

/** Why intake refused a submission or a read of one. */
export enum IntakeErrorCode {
  PipelineNotAllowed = 'intake.pipeline_not_allowed',
  PipelineUnknown = 'intake.pipeline_unknown',
  CallbackRefused = 'intake.callback_refused',
  IdempotencyInFlight = 'intake.idempotency_in_flight',
  IdempotencyMismatch = 'intake.idempotency_mismatch',
  SubmissionNotFound = 'intake.submission_not_found',
  InvalidWait = 'intake.invalid_wait',
}

export class IntakeError extends DomainError<IntakeErrorCode> {}
