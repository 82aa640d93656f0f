import { Injectable } from '@nestjs/common';
import { scopeOf, UserPrincipal } from '@arbiter/auth';
import { QueueCountsView } from '@arbiter/contracts';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { ReviewDispatch } from './review-dispatch.service';
import { reviewErrors } from './review.errors';
import type { ReviewTaskView } from '@arbiter/contracts';
import { TaskViewBuilder } from './task-view.service';

/** Read side of review for people: which queues I see (leads: all of the workspace), a task's evidence. */
@Injectable()
export class ReviewQueries {
  constructor(
    private readonly queues: ReviewQueueRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly dispatch: ReviewDispatch,
    private readonly views: TaskViewBuilder,
  ) {}

  /** Reviewers see their own queues of the workspace; leads and admins every queue of it. */
  async visibleQueues(user: UserPrincipal): Promise<string[]> {
    const scope = scopeOf(user);
    return user.role === 'reviewer'
      ? this.queues.queuesOf(user.userId, scope)
      : this.queues.all(scope);
  }

  async queuesFor(user: UserPrincipal): Promise<QueueCountsView[]> {
    const names = await this.visibleQueues(user);
    return Promise.all(
      names.map(async (queue) => ({ queue, ...(await this.dispatch.counts(queue)) })),
    );
  }

  /**
   * The holder sees their task with its lease; leads see any task of their workspace; another
   * reviewer of its queue gets 403, a reviewer of another queue, and anyone acting in another
   * workspace, the 404 of an unknown task (no existence leak).
   */
  async taskFor(user: UserPrincipal, taskId: string): Promise<ReviewTaskView> {
    const found = await this.tasks.findWithSubmission(taskId);
    if (!found) throw reviewErrors.taskNotFound(taskId);
    const scope = scopeOf(user);
    if (scope !== null && (await this.queues.workspaceOf(found.task.queue)) !== scope)
      throw reviewErrors.taskNotFound(taskId);
    const holder = found.task.claimedBy === user.userId;
    if (!holder && user.role === 'reviewer') {
      const member = (await this.queues.queuesOf(user.userId, scope)).includes(found.task.queue);
      throw member ? reviewErrors.notYourTask(taskId) : reviewErrors.taskNotFound(taskId);
    }
    return this.views.build(found.task, holder, found.submission);
  }
}
