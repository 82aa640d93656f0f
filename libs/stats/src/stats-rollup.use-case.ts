import { Injectable } from '@nestjs/common';
import { BacklogRepository } from './backlog.repository';
import { RollupRepository, RollupSource } from './rollup.repository';

export interface RollupOptions {
  /** Source rows per transaction. */
  batch?: number;
  /** Batches per source and run: a long backlog is worked off over several runs. */
  maxBatches?: number;
}

const SETTLE_POLLS = 25;
const SETTLE_POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rolls new submission events and review decisions up into per-minute/hour figures. Each batch
 * commits together with its watermark, so a crash or a second worker never counts a row twice.
 */
@Injectable()
export class StatsRollup {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly backlog: BacklogRepository,
  ) {}

  async execute(options: RollupOptions = {}): Promise<Record<RollupSource, number>> {
    const batch = options.batch ?? 5000;
    const maxBatches = options.maxBatches ?? 100;
    const done: Record<RollupSource, number> = { events: 0, decisions: 0 };
    await this.backlog.compact();
    for (const source of ['events', 'decisions'] as const) {
      await this.rollups.advanceHorizon(source);
      // Transactions that were running when the horizon was read are usually done in ms; if one
      // is still open, the rows up to the previous horizon are rolled up now and the rest next run.
      for (let i = 0; i < SETTLE_POLLS && !(await this.rollups.horizonSettled(source)); i++)
        await sleep(SETTLE_POLL_MS);
      await this.rollups.advanceHorizon(source);
      for (let i = 0; i < maxBatches; i++) {
        const n = await this.rollups.applyBatch(source, batch);
        done[source] += n;
        if (n < batch) break;
      }
    }
    return done;
  }
}
