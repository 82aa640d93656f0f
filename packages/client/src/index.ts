export { ArbiterClient, MAX_WAIT_MS } from './arbiter-client';
export type {
  ArbiterClientOptions,
  DecisionOptions,
  EventsOptions,
  SubmitOptions,
  Submitted,
} from './arbiter-client';
export {
  ArbiterApiError,
  ArbiterError,
  ArbiterValidationError,
  DecisionTimeoutError,
  WebhookVerificationError,
} from './errors';
export type { FieldProblem } from './errors';
export { ReviewerSocket } from './reviewer';
export type { Decide, ReviewerEvents } from './reviewer';
export { retryAfterSeconds } from './transport';
export type { RetryInfo, TransportOptions } from './transport';
export { verifyWebhook } from './webhooks';
export type { VerifyOptions, WebhookHeaders } from './webhooks';
export * from './types';
