import { Injectable, Logger } from '@nestjs/common';
import { DatasetItemRepository } from '../items/dataset-item.repository';
import { DatasetRepository, DatasetRow } from '../items/dataset.repository';
import { RunTrigger } from '../runs/regression-run.repository';
import { StartRegressionRun } from '../runs/start-run.use-case';
import { ModelSightingRepository } from './model-sighting.repository';

/** Submissions are re-read this far behind the watermark: one committed late is still seen (recording is idempotent). */
const WATCH_OVERLAP_MS = 5 * 60_000;
const WATERMARK = 'model-watch';

/** What starts regression runs besides the API: the daily schedule and a new model version in traffic. */
@Injectable()
export class RegressionTriggers {
  private readonly logger = new Logger(RegressionTriggers.name);

  constructor(
    private readonly datasets: DatasetRepository,
    private readonly items: DatasetItemRepository,
    private readonly sightings: ModelSightingRepository,
    private readonly start: StartRegressionRun,
  ) {}

  /** Daily (ARBITER_REGRESSION_EVERY_MS): a run of every dataset with `schedule: daily`. */
  async daily(): Promise<string[]> {
    const started: string[] = [];
    for (const d of await this.datasets.withPrompt({ schedule: 'daily' })) {
      const id = await this.startQuietly(d, {}, { kind: 'schedule' });
      if (id) started.push(id);
    }
    return started;
  }

  /**
   * Every ARBITER_MODEL_WATCH_EVERY_MS: a model version first seen in a pipeline's traffic (that
   * replaces another one: a pipeline's very first model is its baseline) starts a run of each of
   * the pipeline's datasets with that model, before the new version has judged much traffic.
   */
  async modelWatch(now = new Date()): Promise<string[]> {
    const last = await this.items.watermark(WATERMARK);
    const since = last ? new Date(last.getTime() - WATCH_OVERLAP_MS) : new Date(0);
    const started: string[] = [];
    for (const seen of await this.sightings.record(since)) {
      if (!seen.replacesAnother) continue;
      this.logger.warn({
        pipelineId: seen.pipelineId,
        msg: `model ${seen.model} first seen in traffic: starting regression runs`,
      });
      for (const d of await this.datasets.withPrompt({ pipelineId: seen.pipelineId })) {
        const id = await this.startQuietly(
          d,
          { model: seen.name },
          { kind: 'model_change', model: seen.model },
        );
        if (id) started.push(id);
      }
    }
    await this.items.setWatermark(WATERMARK, now);
    return started;
  }

  // A dataset that cannot run (no items yet, no production label) is skipped, not an error of the job.
  private async startQuietly(
    d: DatasetRow,
    request: { model?: string },
    trigger: RunTrigger,
  ): Promise<string | null> {
    try {
      return (await this.start.execute(d.id, request, trigger)).id;
    } catch (error) {
      this.logger.warn({ dataset: d.id, msg: `no regression run: ${(error as Error).message}` });
      return null;
    }
  }
}
