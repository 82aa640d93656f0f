import { Injectable, Logger } from '@nestjs/common';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { ReviewDispatch, taskJobOf } from './review-dispatch.service';
import { ReviewNotifier } from './review-notifier.service';
import { ReviewTaskCreator } from './review-task-creator.service';

const PAGE = 2000;
// Between full walks, only queues whose Redis count differs from Postgres are walked. Equal
// counts can hide a lost job offset by a stale one (a job left behind by a crash after its
// task closed), so every FULL_WALK_EVERY-th run (and the first after start) checks every task.
const FULL_WALK_EVERY = 10;

/**
 * Postgres → Redis: every pending task has its job (re-added with the same id, so never twice)
 * and that job is claimable (one left taken by a claim that died is put back once its lock
 * lapsed), and every submission handed to people has a task. Claimed tasks are left to their lease:
 * it is honoured until it lapses, then lease recovery returns the task and this re-adds it.
 */
@Injectable()
export class ReviewReconciler {
  private readonly logger = new Logger(ReviewReconciler.name);
  private runs = 0;

  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly dispatch: ReviewDispatch,
    private readonly creator: ReviewTaskCreator,
    private readonly notifier: ReviewNotifier,
  ) {}

  async execute(): Promise<{ checked: number; readded: number; created: number }> {
    const full = this.runs++ % FULL_WALK_EVERY === 0;
    const queues = full ? undefined : await this.queuesOutOfStep();
    let checked = 0;
    let readded = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; queues?.length !== 0;) {
      const page = await this.tasks.pendingPage(after, PAGE, queues);
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      checked += page.length;
      const byQueue = new Map<string, typeof page>();
      for (const ref of page) {
        const refs = byQueue.get(ref.queue);
        if (refs) refs.push(ref);
        else byQueue.set(ref.queue, [ref]);
      }
      for (const [queue, refs] of byQueue) {
        const present = await this.dispatch.exists(
          queue,
          refs.map((r) => r.id),
        );
        const missing = refs.filter((_, i) => !present[i]);
        for (const ref of missing) {
          const task = await this.tasks.findById(ref.id);
          if (task?.status !== 'pending') continue;
          await this.dispatch.add(queue, taskJobOf(task));
          readded++;
        }
        const stranded = await this.dispatch.unlockedActive(
          queue,
          refs.filter((_, i) => present[i]).map((r) => r.id),
        );
        for (const id of stranded) {
          const task = await this.tasks.findById(id);
          if (task?.status !== 'pending') continue;
          await this.dispatch.requeue(queue, taskJobOf(task));
          readded++;
        }
        if (missing.length || stranded.length) this.notifier.countsChanged(queue);
      }
    }
    let created = 0;
    for (const { id } of await this.tasks.orphanedSubmissions(PAGE)) {
      await this.creator.createFor(id);
      created++;
    }
    for (const { id } of await this.tasks.unauditedApprovals(PAGE)) {
      await this.creator.createAudit(id);
      created++;
    }
    if (readded || created)
      this.logger.warn(
        `review queues repaired: ${readded} job(s) re-added, ${created} task(s) created`,
      );
    return { checked, readded, created };
  }

  /** Queues whose waiting jobs in Redis do not number their pending tasks in Postgres. */
  private async queuesOutOfStep(): Promise<string[]> {
    const pending = await this.tasks.pendingCountsByQueue();
    const out: string[] = [];
    for (const [queue, count] of pending) {
      if ((await this.dispatch.counts(queue)).waiting !== count) out.push(queue);
    }
    return out;
  }
}
