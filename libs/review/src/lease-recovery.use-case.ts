import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { ReviewDispatch, taskJobOf } from './review-dispatch.service';
import { REVIEW_EVENTS, ReviewNotifier } from './review-notifier.service';

const BATCH = 500;

/**
 * Returns tasks whose lease lapsed (a closed browser, a lost network) to their queue in
 * priority order, tells the old holder, and warns holders whose lease is about to lapse.
 */
@Injectable()
export class LeaseRecovery {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<{ returned: number; warned: number }> {
    let returned = 0;
    for (const ref of await this.tasks.lapsedLeases(BATCH)) {
      // Fenced on the lapsed token: a heartbeat that won the race keeps the task.
      if (!ref.leaseToken || !(await this.tasks.returnToPending(ref.id, ref.leaseToken, null)))
        continue;
      const task = await this.tasks.findById(ref.id);
      if (!task) continue;
      await this.dispatch.requeue(task.queue, taskJobOf(task));
      if (ref.claimedBy)
        this.notifier.toReviewer(ref.claimedBy, REVIEW_EVENTS.taskRevoked, {
          taskId: ref.id,
          reason: 'lease-expired',
        });
      this.notifier.countsChanged(task.queue);
      returned++;
    }
    const expiring = await this.tasks.leasesExpiringWithin(
      this.config.review.leaseWarningMs,
      BATCH,
    );
    for (const ref of expiring) {
      if (ref.claimedBy) {
        this.notifier.toReviewer(ref.claimedBy, REVIEW_EVENTS.leaseExpiring, {
          taskId: ref.id,
          leaseExpiresAt: ref.leaseExpiresAt.toISOString(),
        });
      }
    }
    return { returned, warned: expiring.length };
  }
}
