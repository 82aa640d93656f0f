import { Injectable, Logger } from '@nestjs/common';
import { ReviewTaskRepository } from '@arbiter/persistence';
import { ReviewDispatch, taskJobOf } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { ReviewTaskCreator } from './review-task-creator.service';

const PAGE = 2000;

/**
 * Postgres → Redis: every pending task has its job (re-added with the same id, so never twice),
 * and every submission handed to people has a task. Claimed tasks are left to their lease:
 * it is honoured until it lapses, then lease recovery returns the task and this re-adds it.
 */
@Injectable()
export class ReviewReconciler {
  private readonly logger = new Logger(ReviewReconciler.name);

  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly dispatch: ReviewDispatch,
    private readonly creator: ReviewTaskCreator,
    private readonly notifier: ReviewNotifier,
  ) {}

  async execute(): Promise<{ checked: number; readded: number; created: number }> {
    let checked = 0;
    let readded = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const page = await this.tasks.pendingPage(after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      checked += page.length;
      const byQueue = new Map<string, typeof page>();
      for (const ref of page) byQueue.set(ref.queue, [...(byQueue.get(ref.queue) ?? []), ref]);
      for (const [queue, refs] of byQueue) {
        const present = await this.dispatch.exists(queue, refs.map((r) => r.id));
        const missing = refs.filter((_, i) => !present[i]);
        for (const ref of missing) {
          const task = await this.tasks.findById(ref.id);
          if (task?.status !== 'pending') continue;
          await this.dispatch.add(queue, taskJobOf(task));
          readded++;
        }
        if (missing.length) this.notifier.countsChanged(queue);
      }
    }
    let created = 0;
    for (const { id } of await this.tasks.orphanedSubmissions(PAGE)) {
      await this.creator.createFor(id);
      created++;
    }
    if (readded || created) this.logger.warn(`review queues repaired: ${readded} job(s) re-added, ${created} task(s) created`);
    return { checked, readded, created };
  }
}
