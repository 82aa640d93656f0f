import { Injectable } from '@nestjs/common';
import {
  ApplyCalibrationRefitDto,
  ApplyRecalibrationDto,
  ForceBreakerDto,
  PipelineView,
  RecalibrationQueryDto,
} from '@arbiter/contracts';
import {
  AutomationBreaker,
  CalibrationRefits,
  CalibrationRefitView,
  carryThreshold,
  OversightHistory,
  PlattMap,
  policyCalibration,
  OversightReport,
  OversightView,
  RecalibrationView,
  ThresholdProposals,
} from '@arbiter/oversight';
import { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import { PipelineAdmin } from './pipeline-admin.use-case';
import { PipelinesError, PipelinesErrorCode } from './pipelines.errors';

/**
 * A lead's hand on one pipeline's self-checking loop: read it, force or release its breaker,
 * see and apply the threshold the reviewers' verdicts support. Applying writes a new active
 * policy version (through PipelineAdmin, so it is checked like any other) and the history.
 */
@Injectable()
export class PipelineOversight {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly report: OversightReport,
    private readonly breaker: AutomationBreaker,
    private readonly proposals: ThresholdProposals,
    private readonly catalog: PolicyCatalog,
    private readonly admin: PipelineAdmin,
    private readonly history: OversightHistory,
    private readonly refits: CalibrationRefits,
  ) {}

  async view(key: string): Promise<OversightView> {
    const { id, activeVersionId } = await this.pipeline(key);
    return this.report.view(id, activeVersionId);
  }

  async forceBreaker(
    key: string,
    body: ForceBreakerDto,
    by: string,
  ): Promise<OversightView['breaker']> {
    const { id, activeVersionId } = await this.pipeline(key);
    if (body.state === 'auto') await this.breaker.release(id, by, body.reason);
    else await this.breaker.force(id, body.state, body.reason, by);
    return (await this.report.view(id, activeVersionId)).breaker;
  }

  async recalibration(key: string, query: RecalibrationQueryDto): Promise<RecalibrationView> {
    const { id, active } = await this.withActiveVersion(key);
    return this.proposals.propose(id, active?.policy ?? null, query);
  }

  async applyRecalibration(
    key: string,
    body: ApplyRecalibrationDto,
    actor: string,
  ): Promise<{ version: number; pipeline: PipelineView }> {
    const { id, active } = await this.requireActiveVersion(key);
    const { autoApprove: oldAuto, aiReview: oldAi } = active.policy.thresholds;
    // aiReview may not be above autoApprove: a threshold lowered under it takes it down too (as
    // applying a calibration does), else the version is refused and a scheduled run fails.
    const aiReview = Math.min(oldAi, body.autoApprove);
    const document = {
      ...active.policy,
      thresholds: { ...active.policy.thresholds, autoApprove: body.autoApprove, aiReview },
    };
    const put = await this.admin.putVersion(
      key,
      { format: 'object', value: document },
      true,
      `recalibration:${actor}`,
    );
    await this.history.record({
      pipelineId: id,
      kind: 'recalibration',
      fromState: String(oldAuto),
      toState: String(body.autoApprove),
      cause: 'applied',
      figures: {
        fromVersion: active.version,
        toVersion: put.version,
        ...(aiReview !== oldAi ? { aiReviewBefore: oldAi, aiReviewAfter: aiReview } : {}),
      },
      message: `auto-approve threshold ${oldAuto} → ${body.autoApprove}${aiReview !== oldAi ? `, AI review ${oldAi} → ${aiReview}` : ''} (version ${put.version}): ${body.reason}`,
      actor,
    });
    return { version: put.version, pipeline: put.pipeline };
  }

  async calibrationRefit(key: string, query: RecalibrationQueryDto): Promise<CalibrationRefitView> {
    const { id, active } = await this.withActiveVersion(key);
    return this.refits.propose(id, active?.policy ?? null, query);
  }

  /**
   * Writes the active policy with a refitted `scoring.calibration` as a new, active version: the
   * map the lead saw (a, b), or the proposal refitted now. The thresholds are carried to the new
   * scale, so the same outputs are approved as before, unless the lead sets autoApprove.
   */
  async applyCalibrationRefit(
    key: string,
    body: ApplyCalibrationRefitDto,
    actor: string,
  ): Promise<{ version: number; pipeline: PipelineView }> {
    const { id, active } = await this.requireActiveVersion(key);
    if ((body.a === undefined) !== (body.b === undefined))
      throw new PipelinesError(
        PipelinesErrorCode.PolicyInvalid,
        'a and b go together: give both (the map shown by GET …/recalibration/refit) or neither (refit now)',
        [{ path: body.a === undefined ? 'a' : 'b', message: 'is required with the other' }],
      );
    let calibration: PlattMap;
    if (body.a !== undefined && body.b !== undefined)
      calibration = { method: 'platt', a: body.a, b: body.b };
    else {
      const { proposal } = await this.refits.propose(id, active.policy, {});
      if (!proposal.calibration)
        throw new PipelinesError(
          PipelinesErrorCode.NoCalibration,
          `No calibration to apply: ${proposal.reason}`,
        );
      calibration = proposal.calibration;
    }
    const before = policyCalibration(active.policy);
    const { autoApprove: oldAuto, aiReview: oldAi } = active.policy.thresholds;
    const autoApprove = body.autoApprove ?? carryThreshold(oldAuto, before, calibration);
    const aiReview = Math.min(autoApprove, carryThreshold(oldAi, before, calibration));
    const document = {
      ...active.policy,
      scoring: { ...(active.policy.scoring ?? {}), calibration },
      thresholds: { ...active.policy.thresholds, autoApprove, aiReview },
    };
    const put = await this.admin.putVersion(
      key,
      { format: 'object', value: document },
      true,
      `recalibration:${actor}`,
    );
    const describe = (c: { method: string; a?: number; b?: number }) =>
      c.method === 'platt' ? `platt(a ${c.a}, b ${c.b})` : 'identity';
    await this.history.record({
      pipelineId: id,
      kind: 'recalibration',
      fromState: describe(before),
      toState: describe(calibration),
      cause: 'calibration_applied',
      figures: {
        fromVersion: active.version,
        toVersion: put.version,
        a: calibration.a,
        b: calibration.b,
        autoApproveBefore: oldAuto,
        autoApproveAfter: autoApprove,
        aiReviewBefore: oldAi,
        aiReviewAfter: aiReview,
      },
      message: `calibration ${describe(before)} → ${describe(calibration)}, auto-approve ${oldAuto} → ${autoApprove}${body.autoApprove === undefined ? ' (carried: the same outputs approved)' : ''} (version ${put.version}): ${body.reason}`,
      actor,
    });
    return { version: put.version, pipeline: put.pipeline };
  }

  private async pipeline(key: string): Promise<{ id: string; activeVersionId: string | null }> {
    const pipeline = await this.pipelines.findByKey(key);
    if (!pipeline)
      throw new PipelinesError(PipelinesErrorCode.PipelineNotFound, `Pipeline "${key}" not found`);
    const active =
      pipeline.activeVersion === null
        ? null
        : await this.pipelines.findVersion(pipeline.id, pipeline.activeVersion);
    return { id: pipeline.id, activeVersionId: active?.id ?? null };
  }

  /** The pipeline and its active version with the policy, if it has one. */
  private async withActiveVersion(key: string) {
    const { id, activeVersionId } = await this.pipeline(key);
    const active = activeVersionId ? await this.catalog.versionById(activeVersionId) : null;
    return { id, active };
  }

  /** As withActiveVersion, refusing a pipeline without an active version (nothing to recalibrate). */
  private async requireActiveVersion(key: string) {
    const { id, active } = await this.withActiveVersion(key);
    if (!active)
      throw new PipelinesError(
        PipelinesErrorCode.NoActiveVersion,
        `Pipeline "${key}" has no active policy version to recalibrate`,
      );
    return { id, active };
  }
}
