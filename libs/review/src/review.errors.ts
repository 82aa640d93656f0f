import { DomainError } from '@arbiter/errors';

/** Why a review action was refused. */
export enum ReviewErrorCode {
  TaskNotFound = 'review.task_not_found',
  QueueNotFound = 'review.queue_not_found',
  NotYourQueue = 'review.not_your_queue',
  NotYourTask = 'review.not_your_task',
  LeaseLost = 'review.lease_lost',
  /** The task was settled otherwise while the caller held it: expired, erased, decided or escalated. */
  TaskClosed = 'review.task_closed',
  InvalidDecision = 'review.invalid_decision',
  /** A socket command whose payload is not what the command takes. */
  InvalidPayload = 'review.invalid_payload',
  /** No decision of the caller's with that id (someone else's is not told apart). */
  DecisionNotFound = 'review.decision_not_found',
  /** The decision is final (its undo window ended, it was delivered) or already undone. */
  UndoWindowClosed = 'review.undo_window_closed',
}

/** Why a task left the caller's hands for good (see task-lease.use-case.ts closedReason). */
export type TaskClosedReason = 'expired' | 'erased' | 'decided' | 'escalated';

const CLOSED_BECAUSE: Record<TaskClosedReason, string> = {
  expired: "the submission's time to live ran out",
  erased: 'the submission was erased',
  decided: 'it has already been decided',
  escalated: 'it was escalated to another queue',
};

/** A refused review action; the api maps its code to an HTTP status and a socket ack. */
export class ReviewError extends DomainError<ReviewErrorCode> {}

export const reviewErrors = {
  taskNotFound: (id: string) =>
    new ReviewError(ReviewErrorCode.TaskNotFound, `Task ${id} not found`),
  queueNotFound: (queue: string) =>
    new ReviewError(ReviewErrorCode.QueueNotFound, `Queue "${queue}" not found`),
  notYourQueue: (queue: string) =>
    new ReviewError(ReviewErrorCode.NotYourQueue, `You are not a member of queue "${queue}"`),
  notYourTask: (id: string) =>
    new ReviewError(ReviewErrorCode.NotYourTask, `Task ${id} is not held by you`),
  leaseLost: (id: string) =>
    new ReviewError(
      ReviewErrorCode.LeaseLost,
      `Your lease on task ${id} has expired or was taken over; claim the next task`,
    ),
  taskClosed: (id: string, reason: TaskClosedReason) =>
    new ReviewError(
      ReviewErrorCode.TaskClosed,
      `Task ${id} is closed: ${CLOSED_BECAUSE[reason]}; claim the next task`,
    ),
  decisionNotFound: (id: string) =>
    new ReviewError(ReviewErrorCode.DecisionNotFound, `Decision ${id} not found among yours`),
  undoWindowClosed: (id: string, why: string) =>
    new ReviewError(ReviewErrorCode.UndoWindowClosed, `Decision ${id} cannot be undone: ${why}`),
  invalidFilter: (message: string) => new ReviewError(ReviewErrorCode.InvalidPayload, message),
  invalid: (problems: string[]) =>
    new ReviewError(ReviewErrorCode.InvalidDecision, problems.join('; ')),
};
