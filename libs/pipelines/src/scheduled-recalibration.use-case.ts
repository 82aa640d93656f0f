import { Injectable, Logger } from '@nestjs/common';
import { eachIsolated } from '@arbiter/errors';
import { parseDuration, Policy, PolicyRecalibration } from '@arbiter/policy';
import { CalibrationRefits, OversightHistory, ThresholdProposals } from '@arbiter/oversight';
import { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import { PipelineOversight } from './pipeline-oversight.use-case';

export const RECALIBRATION_DEFAULTS = { maxStep: 0.05, minVerdicts: 100 };
/** Changes of the threshold smaller than this are not worth a new policy version. */
const NEGLIGIBLE_STEP = 0.001;

export type RecalibrationOutcome =
  'applied' | 'proposed' | 'unchanged' | 'too_few_verdicts' | 'no_proposal' | 'calibration_applied';

/** The threshold one run moves to: toward the proposal, at most `maxStep` away from now. */
export function steppedThreshold(current: number, proposed: number, maxStep: number): number {
  const step = Math.max(-maxStep, Math.min(maxStep, proposed - current));
  return Math.round((current + step) * 10_000) / 10_000;
}

/**
 * Recalibration on the policy's schedule (`recalibration.every`): proposes the auto-approve
 * threshold from the reviewers' verdicts and records it in the pipeline's history; with
 * `autoApply`, applies it as a new active policy version, at most `maxStep` at a time and only
 * on `minVerdicts` effective verdicts. Run by the worker's maintenance queue.
 */
@Injectable()
export class ScheduledRecalibration {
  private readonly logger = new Logger(ScheduledRecalibration.name);

  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly catalog: PolicyCatalog,
    private readonly proposals: ThresholdProposals,
    private readonly history: OversightHistory,
    private readonly oversight: PipelineOversight,
    private readonly refits: CalibrationRefits,
  ) {}

  async execute(now = new Date()): Promise<Record<string, RecalibrationOutcome>> {
    const outcomes: Record<string, RecalibrationOutcome> = {};
    await eachIsolated(
      'scheduled recalibration',
      await this.pipelines.listActive(),
      (pipeline) => `pipeline ${pipeline.key}`,
      async (pipeline) => {
        const policy = (await this.catalog.versionById(pipeline.activeVersionId))?.policy;
        const settings = policy?.recalibration;
        if (!policy || !settings || !(await this.due(pipeline.id, settings, now))) return;
        // A run that applies a calibration leaves the threshold to the next run: its proposal
        // would stand on the scale the run just replaced.
        if (settings.refitCalibration && (await this.refit(pipeline, policy, settings))) {
          outcomes[pipeline.key] = 'calibration_applied';
          return;
        }
        outcomes[pipeline.key] = await this.recalibrate(pipeline, policy, settings);
      },
      this.logger,
    );
    return outcomes;
  }

  private async due(
    pipelineId: string,
    settings: PolicyRecalibration,
    now: Date,
  ): Promise<boolean> {
    const last = await this.history.lastAt(pipelineId, 'recalibration');
    return !last || now.getTime() - last.getTime() >= (parseDuration(settings.every) ?? Infinity);
  }

  /**
   * Refits the calibration from the verdicts and records the proposal; with autoApply (and at
   * least minVerdicts effective verdicts) applies it, thresholds carried so the same outputs are
   * approved. True when it applied one.
   */
  private async refit(
    pipeline: { id: string; key: string },
    policy: Policy,
    settings: PolicyRecalibration,
  ): Promise<boolean> {
    const { proposal, current } = await this.refits.propose(pipeline.id, policy, {
      targetError: settings.targetError,
    });
    const from =
      current.calibration.method === 'platt'
        ? `platt(a ${current.calibration.a}, b ${current.calibration.b})`
        : 'identity';
    const note = (cause: string, toState: string, message: string, figures = {}) =>
      this.history.record({
        pipelineId: pipeline.id,
        kind: 'recalibration',
        fromState: from,
        toState,
        cause,
        figures,
        message,
        actor: 'recalibration:scheduled',
      });
    if (!proposal.calibration) {
      await note('no_calibration', from, `scheduled refit: no calibration (${proposal.reason})`);
      return false;
    }
    const { a, b } = proposal.calibration;
    const figures = {
      a,
      b,
      effectiveVerdicts: proposal.effectiveVerdicts,
      logLossBefore: proposal.fit.before.logLoss,
      logLossAfter: proposal.fit.after.logLoss,
      eceBefore: proposal.fit.before.ece,
      eceAfter: proposal.fit.after.ece,
    };
    const fitted = `platt(a ${a}, b ${b})`;
    const minVerdicts = settings.minVerdicts ?? RECALIBRATION_DEFAULTS.minVerdicts;
    const better = proposal.fit.after.logLoss < proposal.fit.before.logLoss - 1e-9;
    if (!settings.autoApply || proposal.effectiveVerdicts < minVerdicts || !better) {
      const why = !better
        ? 'no better than the current one'
        : proposal.effectiveVerdicts < minVerdicts
          ? `${proposal.effectiveVerdicts.toFixed(0)} effective verdicts, ${minVerdicts} needed to apply it`
          : 'a lead applies it';
      await note(
        'calibration_proposed',
        fitted,
        `scheduled refit proposes ${fitted} (ECE ${figures.eceBefore.toFixed(3)} → ${figures.eceAfter.toFixed(3)}); ${why}`,
        figures,
      );
      return false;
    }
    await this.oversight.applyCalibrationRefit(
      pipeline.key,
      {
        a,
        b,
        reason: `scheduled refit on ${proposal.effectiveVerdicts.toFixed(0)} effective verdicts (ECE ${figures.eceBefore.toFixed(3)} → ${figures.eceAfter.toFixed(3)})`,
      },
      'recalibration:auto',
    );
    this.logger.log(`pipeline ${pipeline.key}: calibration ${from} → ${fitted}`);
    return true;
  }

  private async recalibrate(
    pipeline: { id: string; key: string },
    policy: Policy,
    settings: PolicyRecalibration,
  ): Promise<RecalibrationOutcome> {
    const view = await this.proposals.propose(pipeline.id, policy, {
      targetError: settings.targetError,
    });
    const current = policy.thresholds.autoApprove;
    const note = (
      cause: RecalibrationOutcome,
      toState: string,
      message: string,
      figures: Record<string, number> = {},
    ) =>
      this.history.record({
        pipelineId: pipeline.id,
        kind: 'recalibration',
        fromState: String(current),
        toState,
        cause,
        figures,
        message,
        actor: 'recalibration:scheduled',
      });
    const { proposal } = view;
    if (proposal.threshold === null) {
      await note(
        'no_proposal',
        String(current),
        `scheduled recalibration: no threshold proposed (${proposal.reason})`,
      );
      return 'no_proposal';
    }
    const figures = {
      proposed: proposal.threshold,
      upperBound: proposal.upperBound,
      effectiveVerdicts: proposal.effectiveVerdicts,
      targetError: view.targetError,
    };
    const minVerdicts = settings.minVerdicts ?? RECALIBRATION_DEFAULTS.minVerdicts;
    if (proposal.effectiveVerdicts < minVerdicts) {
      await note(
        'too_few_verdicts',
        String(current),
        `scheduled recalibration: ${proposal.effectiveVerdicts.toFixed(0)} effective verdicts, ${minVerdicts} needed to apply ${proposal.threshold}`,
        figures,
      );
      return 'too_few_verdicts';
    }
    const next = steppedThreshold(
      current,
      proposal.threshold,
      settings.maxStep ?? RECALIBRATION_DEFAULTS.maxStep,
    );
    const proposes = `proposes auto-approve ${proposal.threshold} (bound ${proposal.upperBound.toFixed(3)} ≤ ${view.targetError})`;
    if (!settings.autoApply) {
      await note(
        'proposed',
        String(proposal.threshold),
        `scheduled recalibration ${proposes}; a lead applies it`,
        figures,
      );
      return 'proposed';
    }
    if (Math.abs(next - current) < NEGLIGIBLE_STEP) {
      await note(
        'unchanged',
        String(current),
        `scheduled recalibration ${proposes}: already there`,
        figures,
      );
      return 'unchanged';
    }
    const reason = `scheduled: proposal ${proposal.threshold} (bound ${proposal.upperBound.toFixed(3)} ≤ ${view.targetError} on ${proposal.effectiveVerdicts.toFixed(0)} effective verdicts)`;
    await this.oversight.applyRecalibration(
      pipeline.key,
      { autoApprove: next, reason },
      'recalibration:auto',
    );
    this.logger.log(`pipeline ${pipeline.key}: auto-approve ${current} → ${next} (${reason})`);
    return 'applied';
  }
}
