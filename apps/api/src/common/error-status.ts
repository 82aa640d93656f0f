import { AuditErrorCode } from '@arbiter/audit';
import { AuthErrorCode } from '@arbiter/auth';
import { DatasetsErrorCode } from '@arbiter/datasets';
import { DeliveryErrorCode } from '@arbiter/delivery';
import { HttpException } from '@nestjs/common';
import { DomainError } from '@arbiter/errors';
import { IntakeErrorCode } from '@arbiter/intake';
import { PipelinesErrorCode } from '@arbiter/pipelines';
import { PromptsErrorCode } from '@arbiter/prompts';
import { ReviewErrorCode } from '@arbiter/review';
import { ShadowErrorCode } from '@arbiter/shadow';
import { StatsErrorCode } from '@arbiter/stats';
import { WorkflowErrorCode } from '@arbiter/workflow';

/** Every code a slice can refuse with. */
export type DomainErrorCode =
  | AuditErrorCode
  | AuthErrorCode
  | DatasetsErrorCode
  | DeliveryErrorCode
  | IntakeErrorCode
  | PipelinesErrorCode
  | PromptsErrorCode
  | ReviewErrorCode
  | ShadowErrorCode
  | StatsErrorCode
  | WorkflowErrorCode;

/**
 * The HTTP status of each domain error code, mapped here once for REST and for socket acks. A
 * Record over the union: a new code without its status does not compile.
 */
export const HTTP_STATUS_OF: Record<DomainErrorCode, number> = {
  [AuditErrorCode.BadCursor]: 400,
  [AuditErrorCode.BadRange]: 400,
  [AuthErrorCode.MissingCredentials]: 401,
  [AuthErrorCode.InvalidApiKey]: 401,
  [AuthErrorCode.InvalidCredentials]: 401,
  [AuthErrorCode.InvalidToken]: 401,
  [AuthErrorCode.RoleRequired]: 403,
  [AuthErrorCode.OverQuota]: 429,
  [AuthErrorCode.LoginThrottled]: 429,
  [AuthErrorCode.UserExists]: 409,
  [AuthErrorCode.UserNotFound]: 404,
  [AuthErrorCode.CannotDisableSelf]: 409,
  [AuthErrorCode.ClientNotFound]: 404,
  [AuthErrorCode.ApiKeyNotFound]: 404,
  [AuthErrorCode.LocalLoginDisabled]: 403,
  [AuthErrorCode.PasswordSetting]: 400,
  [AuthErrorCode.SsoNotConfigured]: 404,
  [AuthErrorCode.SsoStateInvalid]: 401,
  [AuthErrorCode.SsoCodeRejected]: 401,
  [AuthErrorCode.SsoTokenInvalid]: 401,
  [AuthErrorCode.SsoNoRole]: 403,
  [AuthErrorCode.SsoUserDisabled]: 403,
  [AuthErrorCode.SsoProviderUnavailable]: 502,
  [AuthErrorCode.SsoExchangeInvalid]: 401,
  [AuthErrorCode.SsoEmailTaken]: 409,
  [AuthErrorCode.SsoLogoutTokenInvalid]: 400,
  [AuthErrorCode.WorkspaceNotFound]: 404,
  [AuthErrorCode.NoWorkspace]: 403,
  [AuthErrorCode.WorkspaceExists]: 409,
  [AuthErrorCode.PlatformAdminRequired]: 403,
  [AuthErrorCode.NameInOtherWorkspace]: 409,
  [DatasetsErrorCode.UnknownReference]: 400,
  [DatasetsErrorCode.DatasetNotFound]: 404,
  [DatasetsErrorCode.RunNotFound]: 404,
  [DatasetsErrorCode.ItemNotFound]: 404,
  [DatasetsErrorCode.NameTaken]: 409,
  [DatasetsErrorCode.NotRunnable]: 409,
  [DatasetsErrorCode.IneligibleItem]: 422,
  [DatasetsErrorCode.BadCursor]: 400,
  [DeliveryErrorCode.DeadLetterNotFound]: 404,
  [DeliveryErrorCode.WebhookUrlRefused]: 400,
  [IntakeErrorCode.PipelineNotAllowed]: 403,
  [IntakeErrorCode.PipelineUnknown]: 404,
  [IntakeErrorCode.CallbackRefused]: 400,
  [IntakeErrorCode.IdempotencyInFlight]: 409,
  [IntakeErrorCode.IdempotencyMismatch]: 409,
  [IntakeErrorCode.SubmissionNotFound]: 404,
  [IntakeErrorCode.InvalidWait]: 400,
  [PipelinesErrorCode.PolicyInvalid]: 400,
  [PipelinesErrorCode.PipelineNotFound]: 404,
  [PipelinesErrorCode.NoEarlierVersion]: 400,
  [PipelinesErrorCode.NoActiveVersion]: 404,
  [PipelinesErrorCode.NoCalibration]: 409,
  [PromptsErrorCode.InvalidDocument]: 400,
  [PromptsErrorCode.InvalidVariables]: 400,
  [PromptsErrorCode.UnknownLanguage]: 400,
  [PromptsErrorCode.PromptNotFound]: 404,
  [PromptsErrorCode.VersionNotFound]: 404,
  [PromptsErrorCode.LabelNotFound]: 404,
  [PromptsErrorCode.NothingToServe]: 409,
  [PromptsErrorCode.VersionOfOtherPrompt]: 422,
  [PromptsErrorCode.RenderFailed]: 422,
  [ReviewErrorCode.TaskNotFound]: 404,
  [ReviewErrorCode.QueueNotFound]: 404,
  [ReviewErrorCode.NotYourQueue]: 403,
  [ReviewErrorCode.NotYourTask]: 403,
  [ReviewErrorCode.LeaseLost]: 409,
  [ReviewErrorCode.TaskClosed]: 409,
  [ReviewErrorCode.InvalidDecision]: 400,
  [ReviewErrorCode.InvalidPayload]: 400,
  [ReviewErrorCode.DecisionNotFound]: 404,
  [ReviewErrorCode.UndoWindowClosed]: 409,
  [ShadowErrorCode.PipelineNotFound]: 404,
  [ShadowErrorCode.NoShadow]: 404,
  [ShadowErrorCode.VersionIsActive]: 409,
  [ShadowErrorCode.VersionNotFound]: 422,
  [StatsErrorCode.InvalidFilter]: 400,
  [WorkflowErrorCode.PipelineNotFound]: 404,
  [WorkflowErrorCode.InvalidTransition]: 409,
};

/** The status of a domain error; a code no slice declares (a bug) is a 500. */
export function httpStatusOf(error: DomainError): number {
  return HTTP_STATUS_OF[error.code as DomainErrorCode] ?? 500;
}

/**
 * Whether DomainExceptionFilter answers this error with a 4xx: the call was refused (bad input,
 * not allowed, not found, a conflict) before it changed anything. Anything else is a 5xx.
 */
export function isRefusal(error: unknown): boolean {
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : error instanceof DomainError
        ? httpStatusOf(error)
        : (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
