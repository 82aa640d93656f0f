import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/** What `submit()` sends: the body of POST /v1/submissions. */
export type SubmissionRequest = Schemas['CreateSubmissionDto'];
export type AcceptedSubmission = Schemas['AcceptedSubmission'];
export type SubmissionView = Schemas['SubmissionView'];
export type SubmissionStatus = Schemas['SubmissionStatus'];
export type Decision = Schemas['Decision'];
export type Problem = Schemas['Problem'];
export type EventsFeed = Schemas['EventsFeed'];
export type FeedEvent = Schemas['FeedEvent'];
/** A webhook body: a submission's outcome, or an overturned automatic approval (`audit.failed`). */
export type OutcomeEvent = Schemas['OutcomeEvent'];
export type SubmissionEvent = Schemas['SubmissionEvent'];
export type AuditFailedEvent = Schemas['AuditFailedEvent'];
export type OutcomeEventType = Schemas['OutcomeEventType'];
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type DeadLetter = Schemas['DeadLetter'];
export type ReplayResult = Schemas['ReplayResult'];
export type TokenPair = Schemas['TokenPair'];
export type ReviewTask = Schemas['ReviewTask'];
export type QueueCounts = Schemas['QueueCounts'];
export type DecisionResult = Schemas['DecisionResult'];
export type LeaseExtended = Schemas['LeaseExtended'];
export type DecideRequest = Schemas['DecideDto'];

export type { components, operations, paths } from './generated/openapi';
