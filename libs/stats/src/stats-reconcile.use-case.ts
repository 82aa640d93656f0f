import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { BacklogRepository } from './backlog.repository';
import { RollupRepository } from './rollup.repository';

/**
 * Keeps the cheap figures honest: recounts each queue's open tasks into the backlog counters and
 * re-derives the recent rollup buckets from the source rows, so nothing can drift for long.
 */
@Injectable()
export class StatsReconcile {
  private readonly logger = new Logger(StatsReconcile.name);

  constructor(
    private readonly backlogs: BacklogRepository,
    private readonly rollups: RollupRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(now = new Date()): Promise<{ queues: number; drift: number; since: string }> {
    let drift = 0;
    const queues = await this.backlogs.queues();
    for (const queue of queues) {
      const result = await this.backlogs.reconcileQueue(queue);
      if (result.drift !== 0)
        this.logger.warn({
          ...result,
          msg: 'backlog counters drifted; recounted from review_tasks',
        });
      drift += result.drift;
    }
    // Whole hours, so the hourly buckets are re-derived complete.
    const since = new Date(
      Math.floor((now.getTime() - this.config.stats.reconcileMinutes * 60_000) / 3_600_000) *
        3_600_000,
    );
    await this.rollups.rederiveSince(since);
    return { queues: queues.length, drift, since: since.toISOString() };
  }
}
