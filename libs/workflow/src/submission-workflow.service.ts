import { Injectable, Logger } from '@nestjs/common';
import { SubmissionRepository, TransitionPatch } from './submission.repository';
import { enteredEventOf, SubmissionMoved } from './events/domain-event-map';
import { DomainEvents } from './events/domain-events.service';
import { EntityManager } from 'typeorm';
import { assertPath, InvalidTransition, SubmissionStatus } from './submission-states';
import { WorkflowError, WorkflowErrorCode } from './workflow.errors';

export interface TransitionRequest {
  submissionId: string;
  /** The states to pass through, starting from the one the submission must be in now. */
  path: SubmissionStatus[];
  actor: string;
  patch?: TransitionPatch;
  /** Data recorded on each step's event, by target state. */
  eventData?: Partial<Record<SubmissionStatus, Record<string, unknown>>>;
}

/**
 * The one place submission states change: checks the path against the pure rules, then applies
 * it as a conditional UPDATE plus event rows in one statement. A stale request (the row already
 * moved) changes nothing and returns false, which is what makes every job idempotent.
 */
@Injectable()
export class SubmissionWorkflow {
  private readonly logger = new Logger(SubmissionWorkflow.name);

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly events: DomainEvents,
  ) {}

  async transition(request: TransitionRequest): Promise<boolean> {
    const event = await this.apply(request);
    if (event) await this.publish(event);
    return event !== null;
  }

  /**
   * The same inside the caller's database transaction. No event is published: call publish()
   * with the returned one once the transaction has committed.
   */
  transitionWithin(tx: EntityManager, request: TransitionRequest): Promise<SubmissionMoved | null> {
    return this.apply(request, tx);
  }

  /**
   * Publishes a committed transition: first the event named after the state entered
   * (`submission.approved`, …), then `submission.moved`.
   */
  async publish(moved: SubmissionMoved): Promise<void> {
    const entered = enteredEventOf(moved.to);
    if (entered) await this.events.publish(entered, moved as never);
    await this.events.publish('submission.moved', moved);
  }

  private async apply(
    request: TransitionRequest,
    tx?: EntityManager,
  ): Promise<SubmissionMoved | null> {
    const { submissionId, path, actor } = request;
    try {
      assertPath(path);
    } catch (error) {
      if (!(error instanceof InvalidTransition)) throw error;
      this.logger.warn({ submissionId, path, actor, msg: 'illegal transition refused' });
      throw new WorkflowError(WorkflowErrorCode.InvalidTransition, error.message);
    }
    const events = path.slice(1).map((to, i) => ({
      type: 'transition',
      fromStatus: path[i],
      toStatus: to,
      actor,
      data: request.eventData?.[to],
    }));
    const submission = await this.submissions.applyTransition(
      submissionId,
      path[0],
      path[path.length - 1],
      request.patch ?? {},
      events,
      tx,
    );
    if (!submission) {
      this.logger.log({
        submissionId,
        path,
        actor,
        msg: 'stale transition ignored: state already moved',
      });
      return null;
    }
    return {
      submissionId,
      clientId: submission.clientId,
      submission,
      from: path[0],
      to: path[path.length - 1],
      actor,
    };
  }
}
