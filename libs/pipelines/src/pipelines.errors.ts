import { DomainError } from '@arbiter/errors';

/** Why a pipeline administration request was refused. */
export enum PipelinesErrorCode {
  PolicyInvalid = 'pipelines.policy_invalid',
  PipelineNotFound = 'pipelines.not_found',
  NoEarlierVersion = 'pipelines.no_earlier_version',
  NoActiveVersion = 'pipelines.no_active_version',
  /** The reviewers' verdicts support no refitted calibration (too few, one kind, or reversed). */
  NoCalibration = 'pipelines.no_calibration',
}

export class PipelinesError extends DomainError<PipelinesErrorCode> {}
