import type { SubmissionRow } from '../submission.rows';
import type { SubmissionStatus } from '../submission-states';

/** A committed transition of one submission: what every submission event carries. */
export interface SubmissionMoved<To extends SubmissionStatus = SubmissionStatus> {
  submissionId: string;
  clientId: string;
  /** The submission as the transition left it. */
  submission: SubmissionRow;
  from: SubmissionStatus;
  to: To;
  actor: string;
}

/**
 * Every domain event with its payload. `submission.moved` is heard for every committed
 * transition; the others are named after what entering a state means.
 */
export interface DomainEventMap {
  'submission.moved': SubmissionMoved;
  'submission.sent_to_ai_review': SubmissionMoved<'ai_review'>;
  'submission.sent_to_human_review': SubmissionMoved<'human_review'>;
  'submission.approved': SubmissionMoved<'approved'>;
  'submission.rejected': SubmissionMoved<'rejected'>;
  'submission.expired': SubmissionMoved<'expired'>;
}
export type DomainEventName = keyof DomainEventMap;

/** The named event a transition into `to` raises besides `submission.moved`, if any. */
export function enteredEventOf(to: SubmissionStatus): DomainEventName | null {
  return ENTERED[to] ?? null;
}
const ENTERED: Partial<Record<SubmissionStatus, DomainEventName>> = {
  ai_review: 'submission.sent_to_ai_review',
  human_review: 'submission.sent_to_human_review',
  approved: 'submission.approved',
  rejected: 'submission.rejected',
  expired: 'submission.expired',
};

/**
 * Every subscriber, in the order they run for one event. The next stage's work comes first (a
 * reviewer or the AI reviewer is waiting for it), then the client's outbox, then the
 * announcement that wakes `?wait` requests. Each is owned and registered by its slice.
 */
export const SUBSCRIBERS = [
  'review.create-task', // libs/review: a task on hand-over to people, an audit task on a sampled approval
  'ai-review.dispatch', // libs/ai-review: the AI review job on hand-over to the AI reviewer
  'delivery.record-outcome', // libs/delivery: the outbox event of a final (or subscribed routed) state
  'intake.announce-route', // libs/intake: the route to waiting requests and the /metrics counts
  'shadow.score', // libs/shadow: a shadow policy version's route, recorded only (never routes)
] as const;
export type SubscriberName = (typeof SUBSCRIBERS)[number];
