import { Injectable, Logger } from '@nestjs/common';
import { SubmissionRepository, SubmissionRow, TransitionPatch } from '@arbiter/persistence';
import { EntityManager } from 'typeorm';
import { assertPath, InvalidTransition, SubmissionStatus } from './submission-states';

export interface TransitionRequest {
  submissionId: string;
  /** The states to pass through, starting from the one the submission must be in now. */
  path: SubmissionStatus[];
  actor: string;
  patch?: TransitionPatch;
  /** Data recorded on each step's event, by target state. */
  eventData?: Partial<Record<SubmissionStatus, Record<string, unknown>>>;
}

/** What listeners hear after a transition has been committed. */
export interface TransitionEvent {
  submissionId: string;
  clientId: string;
  /** The submission as the transition left it. */
  submission: SubmissionRow;
  from: SubmissionStatus;
  to: SubmissionStatus;
  actor: string;
}

export type TransitionListener = (event: TransitionEvent) => Promise<void>;

/**
 * The one place submission states change: checks the path against the pure rules, then applies
 * it as a conditional UPDATE plus event rows in one statement. A stale request (the row already
 * moved) changes nothing and returns false, which is what makes every job idempotent.
 */
@Injectable()
export class SubmissionWorkflow {
  private readonly logger = new Logger(SubmissionWorkflow.name);
  private readonly listeners: TransitionListener[] = [];

  constructor(private readonly submissions: SubmissionRepository) {}

  /**
   * Runs `listener` after every committed transition of this process (enqueue the next stage,
   * notify, deliver). A listener failure is logged, never undoes the transition: the
   * reconcilers rebuild whatever a listener failed to dispatch.
   */
  onTransition(listener: TransitionListener): void {
    this.listeners.push(listener);
  }

  async transition(request: TransitionRequest): Promise<boolean> {
    const event = await this.apply(request);
    if (event) await this.publish(event);
    return event !== null;
  }

  /**
   * The same inside the caller's database transaction. Listeners are not run: call publish()
   * with the returned event once the transaction has committed.
   */
  transitionWithin(tx: EntityManager, request: TransitionRequest): Promise<TransitionEvent | null> {
    return this.apply(request, tx);
  }

  /** Runs the listeners for a committed transition. */
  async publish(event: TransitionEvent): Promise<void> {
    for (const listener of this.listeners) {
      await listener(event).catch((error: Error) =>
        this.logger.error({ submissionId: event.submissionId, to: event.to, msg: `transition listener failed: ${error.message}` }),
      );
    }
  }

  private async apply(request: TransitionRequest, tx?: EntityManager): Promise<TransitionEvent | null> {
    const { submissionId, path, actor } = request;
    try {
      assertPath(path);
    } catch (error) {
      if (error instanceof InvalidTransition) {
        this.logger.warn({ submissionId, path, actor, msg: 'illegal transition refused' });
      }
      throw error;
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
      this.logger.log({ submissionId, path, actor, msg: 'stale transition ignored: state already moved' });
      return null;
    }
    return { submissionId, clientId: submission.clientId, submission, from: path[0], to: path[path.length - 1], actor };
  }
}
