import { Injectable, Logger } from '@nestjs/common';
import { Policy } from '@arbiter/policy';
import { PolicyCatalog } from '@arbiter/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { rolloutSettingsOf } from '../oversight.settings';
import type { BreakerState } from '../rules/circuit-breaker.rules';
import {
  evaluateRollout,
  RolloutEvaluation,
  RolloutSettings,
  rolloutShare,
  RolloutStatus,
  RolloutTransition,
  stepBackOnTrip,
} from '../rules/rollout.rules';
import { RolloutRepository } from './rollout.repository';

/**
 * Each pipeline's evidence-gated rollout: the share of would-be automatic approvals let out
 * climbs `rollout.steps` one step each time the audits taken at the current step bound the
 * escaped-error rate within `rollout.targetError` (and the breaker is closed); a trip steps it back.
 */
@Injectable()
export class AutomationRollout {
  private readonly logger = new Logger(AutomationRollout.name);

  constructor(
    private readonly db: DataSource,
    private readonly rollouts: RolloutRepository,
    private readonly catalog: PolicyCatalog,
  ) {}

  /** The pipeline's current step, read inside the approving transaction. */
  readWithin(tx: EntityManager, pipelineId: string): Promise<RolloutStatus> {
    return this.rollouts.read(pipelineId, tx);
  }

  /** The share of would-be approvals let out at `status`, or null when the policy has no steps. */
  shareAt(status: RolloutStatus, policy: Policy): number | null {
    const settings = rolloutSettingsOf(policy);
    return settings ? rolloutShare(status, settings) : null;
  }

  status(pipelineId: string): Promise<RolloutStatus> {
    return this.rollouts.read(pipelineId);
  }

  /** After an audit: one step up when the current step has the evidence and the breaker is closed. */
  async evaluate(
    pipelineId: string,
    policyVersionId: string,
    breaker: BreakerState,
  ): Promise<RolloutTransition | null> {
    const settings = await this.settingsOf(policyVersionId);
    if (!settings) return null;
    return this.change(pipelineId, async (tx, status) =>
      evaluateRollout(
        status,
        await this.rollouts.auditsSince(tx, pipelineId, status.since),
        breaker,
        settings,
        Date.now(),
      ),
    );
  }

  /** The breaker tripped on evidence: one step back. */
  async onTrip(pipelineId: string, policyVersionId: string): Promise<RolloutTransition | null> {
    const settings = await this.settingsOf(policyVersionId);
    if (!settings) return null;
    return this.change(pipelineId, async (_tx, status) =>
      stepBackOnTrip(status, settings, Date.now()),
    );
  }

  private async settingsOf(policyVersionId: string): Promise<RolloutSettings | null> {
    const policy = (await this.catalog.versionById(policyVersionId))?.policy;
    return policy ? rolloutSettingsOf(policy) : null;
  }

  private async change(
    pipelineId: string,
    decide: (tx: EntityManager, status: RolloutStatus) => Promise<RolloutEvaluation>,
  ): Promise<RolloutTransition | null> {
    const transition = await this.db.transaction(async (tx) => {
      const status = await this.rollouts.lock(tx, pipelineId);
      const next = await decide(tx, status);
      if (!next.transition) return null;
      await this.rollouts.save(tx, pipelineId, next.status, next.transition, 'oversight');
      return next.transition;
    });
    if (transition) {
      this.logger.warn({
        pipelineId,
        ...transition,
        msg: `rollout ${transition.fromShare} → ${transition.toShare}: ${transition.message}`,
      });
    }
    return transition;
  }
}
