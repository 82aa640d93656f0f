import { Inject, Injectable, Logger } from '@nestjs/common';
import { eachIsolated } from '@arbiter/errors';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { Alerts } from '../alerts/alerts.service';
import { featureStability, rejectRateDrift, VersionKind, versionChange } from './drift.rules';
import { TrafficItem, TrafficSampleRepository } from './traffic-sample.repository';

export interface DriftRun {
  pipelines: number;
  fired: string[];
  resolved: string[];
}

/**
 * Every `ARBITER_DRIFT_EVERY_MS` (maintenance schedule): each active pipeline's last window
 * against its baseline. A feature whose PSI is above 0.25 fires a drift alert (one per pipeline
 * and feature), resolved once its PSI is back under 0.1; a new model version (or prompt version)
 * whose reject rate, confidence, length, formality or language differs significantly from the
 * previous one fires a model-change (prompt-change) alert naming what changed.
 */
@Injectable()
export class DriftWatch {
  private readonly logger = new Logger(DriftWatch.name);

  constructor(
    private readonly traffic: TrafficSampleRepository,
    private readonly alerts: Alerts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(now = new Date()): Promise<DriftRun> {
    const { windowMs, baselineMs, minItems } = this.config.drift;
    const windowStart = new Date(now.getTime() - windowMs);
    const baselineStart = new Date(windowStart.getTime() - baselineMs);
    const run: DriftRun = { pipelines: 0, fired: [], resolved: [] };
    await eachIsolated(
      'drift watch',
      await this.traffic.activePipelines(windowStart),
      (pipeline) => `pipeline ${pipeline.key}`,
      async (pipeline) => {
        const current = await this.traffic.window(pipeline.id, windowStart, now);
        const baseline = await this.traffic.window(pipeline.id, baselineStart, windowStart);
        if (current.length < minItems || baseline.length < minItems) return;
        run.pipelines++;
        for (const s of featureStability(baseline, current, minItems)) {
          const key = `drift:${pipeline.id}:${s.feature}`;
          if (s.level === 'major') {
            const fired = await this.alerts.fire({
              key,
              pipelineId: pipeline.id,
              kind: 'drift',
              severity: 'warning',
              message: `Pipeline ${pipeline.key}: ${s.feature} drifted (PSI ${s.psi?.toFixed(2)} against the previous ${hours(baselineMs)})`,
              figures: {
                psi: s.psi ?? 0,
                currentItems: current.length,
                baselineItems: baseline.length,
              },
            });
            if (fired) run.fired.push(key);
          } else if (s.level === 'stable') {
            const resolved = await this.alerts.resolve(
              key,
              `Pipeline ${pipeline.key}: ${s.feature} stable again (PSI ${s.psi?.toFixed(2)})`,
            );
            if (resolved) run.resolved.push(key);
          }
        }
        await this.watchRejectRate(pipeline, baseline, current, run);
        for (const kind of ['model', 'prompt'] as const)
          await this.watchVersion(kind, pipeline, baseline, current, run);
      },
      this.logger,
    );
    return run;
  }

  /** A new model (prompt) version that behaves differently from the one before it: one alert. */
  private async watchVersion(
    kind: VersionKind,
    pipeline: { id: string; key: string },
    baseline: TrafficItem[],
    current: TrafficItem[],
    run: DriftRun,
  ): Promise<void> {
    const change = versionChange(kind, baseline, current, this.config.drift.minItems);
    if (!change) return;
    const key = `${kind}-change:${pipeline.id}:${change.next}`;
    const what = kind === 'model' ? 'model' : 'prompt version';
    const fired = await this.alerts.fire({
      key,
      pipelineId: pipeline.id,
      kind: `${kind}_change`,
      severity: 'warning',
      message: `Pipeline ${pipeline.key}: ${what} ${change.next} replaced ${change.previous}: ${change.changes.join('; ')}`,
      figures: change.figures,
    });
    if (fired) run.fired.push(key);
  }

  /** People rejecting more of what reaches them is drift too, whatever the scores say. */
  private async watchRejectRate(
    pipeline: { id: string; key: string },
    baseline: TrafficItem[],
    current: TrafficItem[],
    run: DriftRun,
  ): Promise<void> {
    const drift = rejectRateDrift(baseline, current, this.config.drift.minItems);
    if (!drift) return;
    const key = `drift:${pipeline.id}:humanRejectRate`;
    const rate = (x: number) => `${(x * 100).toFixed(1)} %`;
    if (drift.level === 'rising') {
      const message = `Pipeline ${pipeline.key}: human reject rate rose from ${rate(drift.before)} to ${rate(drift.after)} (p = ${drift.pValue.toExponential(1)})`;
      const fired = await this.alerts.fire({
        key,
        pipelineId: pipeline.id,
        kind: 'drift',
        severity: 'warning',
        message,
        figures: { before: drift.before, after: drift.after, pValue: drift.pValue },
      });
      if (fired) run.fired.push(key);
    } else if (
      await this.alerts.resolve(
        key,
        `Pipeline ${pipeline.key}: human reject rate back to ${rate(drift.after)}`,
      )
    ) {
      run.resolved.push(key);
    }
  }
}

const hours = (ms: number): string =>
  ms % 86_400_000 === 0
    ? `${ms / 86_400_000} days`
    : ms >= 3_600_000
      ? `${Math.round(ms / 3_600_000)} h`
      : `${Math.round(ms / 1000)} s`;
