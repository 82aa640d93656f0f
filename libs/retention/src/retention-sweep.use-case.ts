import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { parseDuration } from '@arbiter/policy';
import { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import { RetentionRepository } from './retention.repository';
import { SubmissionErasure } from './submission-erasure.service';

/**
 * The retention sweep (a maintenance job, every ARBITER_RETENTION_EVERY_MS): for each pipeline
 * whose active policy sets `retention.raw`, erases the text of final submissions decided longer
 * ago than that, at most ARBITER_RETENTION_BATCH per pipeline per run so one run never holds the
 * maintenance queue for long; the next run goes on where this one stopped. Idempotent: an
 * erased submission leaves the candidates, and a second erasure of one changes nothing.
 */
@Injectable()
export class RetentionSweep {
  private readonly logger = new Logger(RetentionSweep.name);

  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly catalog: PolicyCatalog,
    private readonly retention: RetentionRepository,
    private readonly erasure: SubmissionErasure,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How many submissions were erased, by pipeline key (pipelines without retention left out). */
  async execute(): Promise<Record<string, number>> {
    const erased: Record<string, number> = {};
    for (const pipeline of await this.pipelines.listActive()) {
      const raw = (await this.catalog.versionById(pipeline.activeVersionId))?.policy.retention?.raw;
      const keepMs = raw ? parseDuration(raw) : null;
      if (!keepMs) continue;
      let count = 0;
      for (const { id } of await this.retention.dueForErasure(
        pipeline.id,
        keepMs,
        this.config.retention.batch,
      )) {
        if (await this.erasure.erase(id, 'retention', 'retention')) count++;
      }
      erased[pipeline.key] = count;
      if (count > 0)
        this.logger.log({
          pipeline: pipeline.key,
          erased: count,
          retention: raw,
          msg: 'retention sweep erased raw text',
        });
    }
    return erased;
  }
}
