import { Injectable } from '@nestjs/common';
import { Policy } from '@arbiter/policy';
import { recalibrate } from '@arbiter/scoring';
import { auditDelta, policyCalibration, ROLLOUT_DEFAULTS } from '../oversight.settings';
import {
  proposeThreshold,
  ReliabilityBin,
  reliabilityCurve,
  ThresholdProposal,
} from '../rules/recalibration.rules';
import { VerdictRepository } from './verdict.repository';

/** At most this many verdicts of each kind (reviews, audits) are read: the most recent. */
export const RECALIBRATION_VERDICTS = 5000;

export interface RecalibrationView {
  targetError: number;
  delta: number;
  verdicts: { reviewed: number; audited: number };
  currentAutoApprove: number | null;
  proposal: ThresholdProposal;
  /** Confidence claimed against the weighted share people found acceptable, per tenth. */
  reliability: ReliabilityBin[];
}

/**
 * Proposes a pipeline's auto-approve threshold from its reviewers' verdicts for a target error
 * (the Clopper–Pearson chooser on weighted verdicts), with the reliability curve it stands on.
 */
@Injectable()
export class ThresholdProposals {
  constructor(private readonly verdicts: VerdictRepository) {}

  async propose(
    pipelineId: string,
    policy: Policy | null,
    options: { targetError?: number; delta?: number },
  ): Promise<RecalibrationView> {
    const targetError =
      options.targetError ?? policy?.rollout?.targetError ?? ROLLOUT_DEFAULTS.targetError;
    const delta = options.delta ?? (policy ? auditDelta(policy) : 0.05);
    const { reviewed, audited } = await this.verdicts.recent(pipelineId, RECALIBRATION_VERDICTS);
    // Each on the scale the policy scores with now: outputs scored before a calibration changed
    // are re-expressed from the model's own confidence, so the threshold means what it will mean.
    const calibration = policyCalibration(policy);
    const verdicts = [...reviewed, ...audited].map((v) => ({
      ...v,
      confidence: recalibrate(calibration, v.modelConfidence),
    }));
    return {
      targetError,
      delta,
      verdicts: { reviewed: reviewed.length, audited: audited.length },
      currentAutoApprove: policy?.thresholds.autoApprove ?? null,
      proposal: proposeThreshold(verdicts, { targetError, delta }),
      reliability: reliabilityCurve(verdicts),
    };
  }
}
