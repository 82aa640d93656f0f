import { Injectable } from '@nestjs/common';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { ReviewTaskView, TaskViewBuilder } from './task-view.service';

// A reviewer holds one task at a time through the desk; a few more cover clients that claimed
// several over the API. The list is what the desk offers back, not a work queue.
const MAX_HELD = 5;

/**
 * The tasks a reviewer still holds on a live lease, with their lease tokens, oldest claim first:
 * what a desk resumes after a reload, a closed tab or a new login, instead of leaving the task
 * locked until its lease lapses. Reading it changes nothing (the lease runs on as it was).
 */
@Injectable()
export class HeldTasks {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly views: TaskViewBuilder,
  ) {}

  /** Of the queues of one workspace when given one (the workspace the desk acts in). */
  async execute(userId: string, workspaceId: string | null = null): Promise<ReviewTaskView[]> {
    const held = await this.tasks.heldBy(userId, MAX_HELD, workspaceId);
    return Promise.all(
      held.map(({ task, submission }) => this.views.build(task, true, submission)),
    );
  }
}
