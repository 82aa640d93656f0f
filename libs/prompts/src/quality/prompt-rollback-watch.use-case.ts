import { Injectable, Logger } from '@nestjs/common';
import { eachIsolated } from '@arbiter/errors';
import { Alerts } from '@arbiter/oversight';
import { DataSource } from 'typeorm';
import { DEFAULT_ROLLBACK, RollbackSettings } from '../registry/prompt-document';
import { PromptRepository, PromptRow } from '../registry/prompt.repository';
import { PromptCache } from '../resolve/prompt-cache.service';
import { PromptQualityReport, VersionFigures } from './prompt-quality.use-case';
import { rollbackVerdict, VersionEvidence } from './rollback.rules';

export interface RollbackRun {
  prompts: number;
  rolledBack: { prompt: string; from: number; to: number; cause: string }[];
}

/**
 * The worker's repeatable check (ARBITER_PROMPT_WATCH_EVERY_MS): each prompt's production version
 * against the version production pointed at before it. One that does worse beyond the prompt's
 * limits is rolled back (to that version, or to the `fallback` label), with an audited event
 * and an alert. The label moves only if it still points at the judged version, so a rollback
 * never undoes an admin's move made meanwhile, and a second worker repeats nothing.
 */
@Injectable()
export class PromptRollbackWatch {
  private readonly logger = new Logger(PromptRollbackWatch.name);

  constructor(
    private readonly prompts: PromptRepository,
    private readonly quality: PromptQualityReport,
    private readonly cache: PromptCache,
    private readonly alerts: Alerts,
    private readonly db: DataSource,
  ) {}

  async execute(): Promise<RollbackRun> {
    const run: RollbackRun = { prompts: 0, rolledBack: [] };
    await eachIsolated(
      'prompt rollback watch',
      await this.prompts.list(),
      (prompt) => `prompt ${prompt.key}`,
      async (prompt) => {
        run.prompts++;
        const done = await this.check(prompt);
        if (done) run.rolledBack.push(done);
      },
      this.logger,
    );
    return run;
  }

  private async check(prompt: PromptRow): Promise<RollbackRun['rolledBack'][number] | null> {
    const labels = await this.prompts.labels(prompt.id);
    const production = labels.find((l) => l.label === 'production');
    if (!production?.previousVersionId) return null; // nothing to compare with
    const settings: RollbackSettings = { ...DEFAULT_ROLLBACK, ...prompt.rollback };
    const figures = await this.quality.evidence([
      production.versionId,
      production.previousVersionId,
    ]);
    const verdict = rollbackVerdict(
      evidenceOf(figures.get(production.versionId)),
      evidenceOf(figures.get(production.previousVersionId)),
      settings,
    );
    if (!verdict.rollback) return null;
    const fallback = labels.find((l) => l.label === 'fallback');
    const target =
      settings.target === 'fallback' && fallback && fallback.versionId !== production.versionId
        ? fallback.versionId
        : production.previousVersionId;
    const toVersion = await this.prompts.versionById(target);
    const cause = `version ${production.version} rolled back to version ${toVersion?.version}: ${verdict.cause}`;
    const moved = await this.db.transaction((tx) =>
      this.prompts.moveLabel(
        tx,
        {
          promptId: prompt.id,
          kind: 'rolled_back',
          label: 'production',
          toVersionId: target,
          cause,
          figures: verdict.figures,
          actor: 'prompt-rollback-watch',
        },
        production.versionId,
      ),
    );
    if (!moved) return null;
    await this.cache.announce(prompt.key);
    this.logger.warn({ prompt: prompt.key, msg: cause });
    await this.alerts.fire({
      key: `prompt-rollback:${prompt.id}:${production.versionId}`,
      pipelineId: null,
      kind: 'prompt_rollback',
      severity: 'critical',
      message: `Prompt ${prompt.key}: ${cause}`,
      figures: {
        ...verdict.figures,
        fromVersion: production.version,
        toVersion: toVersion?.version ?? 0,
      },
    });
    return { prompt: prompt.key, from: production.version, to: toVersion?.version ?? 0, cause };
  }
}

function evidenceOf(f: VersionFigures | undefined): VersionEvidence {
  return {
    humanDecided: f?.humanDecided ?? 0,
    humanRejected: f?.humanRejected ?? 0,
    audits: f?.auditedError.audits ?? 0,
    auditedError: f?.auditedError.errorRate ?? null,
  };
}
