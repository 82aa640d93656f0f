import { Injectable } from '@nestjs/common';
import { PolicyCatalog } from '@arbiter/workflow';
import { AuditSample, QaAuditRepository } from '../audit/qa-audit.repository';
import { AutomationBreaker } from '../breaker/automation-breaker.service';
import { OversightEventRow, OversightHistory } from './oversight-history.repository';
import { auditDelta, breakerSettingsOf, rolloutSettingsOf } from '../oversight.settings';
import { AutomationRollout } from '../rollout/automation-rollout.service';
import { rolloutShare } from '../rules/rollout.rules';
import { BreakerStatus } from '../rules/circuit-breaker.rules';
import { EscapedErrorEstimate, estimateEscapedErrors } from '../rules/escaped-error.estimator';

export interface EstimateGroup extends EscapedErrorEstimate {
  key: string | null;
}

export interface OversightView {
  breaker: {
    state: BreakerStatus['state'];
    since: string | null;
    forced: BreakerStatus['forced'] | null;
    /** The settings in force (from the pipeline's active policy), null without a breaker section. */
    settings: BreakerView | null;
  };
  /** The error rate among automatic approvals, from audits weighted by 1 / their sampling rate. */
  escapedErrors: {
    overall: EscapedErrorEstimate;
    byPolicyVersion: EstimateGroup[];
    byModelVersion: EstimateGroup[];
    byPromptVersion: EstimateGroup[];
  };
  /** The evidence-gated rollout, null when the active policy has no `rollout.steps`. */
  rollout: {
    step: number;
    share: number;
    steps: number[];
    minAudits: number;
    targetError: number;
    since: string | null;
  } | null;
  history: OversightEventRow[];
}

export interface BreakerView {
  maxOverrideRate: number;
  window: number;
  minSamples: number;
  coolDownMs: number;
  halfOpenShare: number;
  halfOpenAudits: number;
  /** Null when the policy does not trip on that jump. */
  maxGateFailureJump: number | null;
  maxAiFaultJump: number | null;
  jumpWindowMs: number;
  minRouted: number;
}

const HISTORY = 50;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function settingsView(settings: ReturnType<typeof breakerSettingsOf>): BreakerView | null {
  if (!settings) return null;
  const { maxOverrideRate, window, minSamples, coolDownMs, halfOpenShare, halfOpenAudits } =
    settings;
  return {
    maxOverrideRate,
    window,
    minSamples,
    coolDownMs,
    halfOpenShare,
    halfOpenAudits,
    maxGateFailureJump: finiteOrNull(settings.maxGateFailureJump),
    maxAiFaultJump: finiteOrNull(settings.maxAiFaultJump),
    jumpWindowMs: settings.jumpWindowMs,
    minRouted: settings.minRouted,
  };
}

/** What a lead reads of a pipeline's self-checking: breaker, escaped-error estimates, history. */
@Injectable()
export class OversightReport {
  constructor(
    private readonly breaker: AutomationBreaker,
    private readonly events: OversightHistory,
    private readonly audits: QaAuditRepository,
    private readonly catalog: PolicyCatalog,
    private readonly rollout: AutomationRollout,
  ) {}

  async view(pipelineId: string, activePolicyVersionId: string | null): Promise<OversightView> {
    const policy = activePolicyVersionId
      ? (await this.catalog.versionById(activePolicyVersionId))?.policy
      : undefined;
    const delta = policy ? auditDelta(policy) : 0.05;
    const rolloutSettings = policy ? rolloutSettingsOf(policy) : null;
    const [status, samples, history, step] = await Promise.all([
      this.breaker.status(pipelineId),
      this.audits.samples(pipelineId, null),
      this.events.list(pipelineId, HISTORY),
      this.rollout.status(pipelineId),
    ]);
    const group = (keyOf: (s: AuditSample) => string | null): EstimateGroup[] => {
      const groups = new Map<string | null, AuditSample[]>();
      for (const s of samples) groups.set(keyOf(s), [...(groups.get(keyOf(s)) ?? []), s]);
      return [...groups].map(([key, rows]) => ({ key, ...estimateEscapedErrors(rows, delta) }));
    };
    return {
      breaker: {
        state: status.state,
        since: status.since > 0 ? new Date(status.since).toISOString() : null,
        forced: status.forced ?? null,
        settings: policy ? settingsView(breakerSettingsOf(policy)) : null,
      },
      escapedErrors: {
        overall: estimateEscapedErrors(samples, delta),
        byPolicyVersion: group((s) => s.policyVersionId),
        byModelVersion: group((s) => s.modelVersion),
        byPromptVersion: group((s) => s.promptVersion),
      },
      rollout: rolloutSettings
        ? {
            step: step.step,
            share: rolloutShare(step, rolloutSettings),
            steps: [...rolloutSettings.steps],
            minAudits: rolloutSettings.minAudits,
            targetError: rolloutSettings.targetError,
            since: step.since > 0 ? new Date(step.since).toISOString() : null,
          }
        : null,
      history,
    };
  }
}
