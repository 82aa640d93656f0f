import { Injectable } from '@nestjs/common';
import { Policy } from '@arbiter/policy';
import { auditDelta, policyCalibration, ROLLOUT_DEFAULTS } from '../oversight.settings';
import {
  CalibrationRefit,
  carryThreshold,
  PolicyCalibration,
  refitCalibration,
} from '../rules/calibration-refit.rules';
import { RECALIBRATION_VERDICTS } from './threshold-proposal.service';
import { VerdictRepository } from './verdict.repository';

export interface CalibrationRefitView {
  targetError: number;
  delta: number;
  verdicts: { reviewed: number; audited: number };
  /** The policy's calibration and thresholds now. */
  current: {
    calibration: PolicyCalibration;
    autoApprove: number | null;
    aiReview: number | null;
  };
  /**
   * The refitted calibration with its figures before and after, the threshold the chooser picks
   * on its scale, and the current thresholds carried to it (approving the same outputs as now);
   * or calibration null and the reason.
   */
  proposal: CalibrationRefit & {
    carried?: { autoApprove: number; aiReview: number };
  };
}

/**
 * Refits a pipeline's calibration from its reviewers' verdicts (the same weighted verdicts the
 * threshold proposal reads), for a lead to apply as a new policy version.
 */
@Injectable()
export class CalibrationRefits {
  constructor(private readonly verdicts: VerdictRepository) {}

  async propose(
    pipelineId: string,
    policy: Policy | null,
    options: { targetError?: number; delta?: number },
  ): Promise<CalibrationRefitView> {
    const targetError =
      options.targetError ?? policy?.rollout?.targetError ?? ROLLOUT_DEFAULTS.targetError;
    const delta = options.delta ?? (policy ? auditDelta(policy) : 0.05);
    const { reviewed, audited } = await this.verdicts.recent(pipelineId, RECALIBRATION_VERDICTS);
    const current = policyCalibration(policy);
    const refit = refitCalibration([...reviewed, ...audited], current, { targetError, delta });
    const thresholds = policy?.thresholds;
    return {
      targetError,
      delta,
      verdicts: { reviewed: reviewed.length, audited: audited.length },
      current: {
        calibration: current,
        autoApprove: thresholds?.autoApprove ?? null,
        aiReview: thresholds?.aiReview ?? null,
      },
      proposal:
        refit.calibration && thresholds
          ? {
              ...refit,
              carried: {
                autoApprove: carryThreshold(thresholds.autoApprove, current, refit.calibration),
                aiReview: carryThreshold(thresholds.aiReview, current, refit.calibration),
              },
            }
          : refit,
    };
  }
}
