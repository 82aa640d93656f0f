import { Injectable, Logger } from '@nestjs/common';
import { SubmissionRepository } from './submission.repository';
import { EventRow, SubmissionRow, TransitionPatch } from './submission.rows';
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
   * Several transitions inside the caller's transaction, in one statement; each is checked and
   * fenced on its own as transitionWithin does. One result per request, in order (null: stale).
   * Publish the returned events once the transaction has committed.
   */
  async transitionManyWithin(
    tx: EntityManager,
    requests: readonly TransitionRequest[],
  ): Promise<(SubmissionMoved | null)[]> {
    const rows = await this.submissions.applyTransitions(
      requests.map((request) => ({
        id: request.submissionId,
        from: request.path[0],
        to: request.path[request.path.length - 1],
        patch: request.patch ?? {},
        events: this.eventsOf(request),
      })),
      tx,
    );
    return requests.map((request, i) => this.movedOf(request, rows[i]));
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
    const submission = await this.submissions.applyTransition(
      request.submissionId,
      request.path[0],
      request.path[request.path.length - 1],
      request.patch ?? {},
      this.eventsOf(request),
      tx,
    );
    return this.movedOf(request, submission);
  }

  /** The path's events, once it is checked against the rules. */
  private eventsOf(request: TransitionRequest): EventRow[] {
    const { submissionId, path, actor } = request;
    try {
      assertPath(path);
    } catch (error) {
      if (!(error instanceof InvalidTransition)) throw error;
      this.logger.warn({ submissionId, path, actor, msg: 'illegal transition refused' });
      throw new WorkflowError(WorkflowErrorCode.InvalidTransition, error.message);
    }
    return path.slice(1).map((to, i) => ({
      type: 'transition',
      fromStatus: path[i],
      toStatus: to,
      actor,
      data: request.eventData?.[to],
    }));
  }

  private movedOf(
    request: TransitionRequest,
    submission: SubmissionRow | null,
  ): SubmissionMoved | null {
    const { submissionId, path, actor } = request;
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
