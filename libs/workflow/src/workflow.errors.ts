import { DomainError } from '@arbiter/errors';

/** Refusals of the submission lifecycle itself. */
export enum WorkflowErrorCode {
  PipelineNotFound = 'workflow.pipeline_not_found',
  InvalidTransition = 'workflow.invalid_transition',
}

export class WorkflowError extends DomainError<WorkflowErrorCode> {}
