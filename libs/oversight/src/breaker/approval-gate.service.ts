import { Injectable } from '@nestjs/common';
import { Policy, RouteDecision, routeDrawsFor } from '@arbiter/policy';
import { EntityManager } from 'typeorm';
import { auditSampleOf } from '../oversight.settings';
import { AutomationRollout } from '../rollout/automation-rollout.service';
import { AutomationBreaker } from './automation-breaker.service';

/** A route decision as the score stage stores it, with the audit draw's rate. */
export type GatedDecision = RouteDecision & { qaSampleRate?: number };

/**
 * The last word on a would-be automatic approval, inside the transaction that applies it: the
 * pipeline's breaker lets it out (and it is sampled for audit at the breaker state's rate) or
 * holds it back to the AI reviewer, or to people when the pipeline has none; an evidence-gated
 * rollout then lets out its current step's share and holds the rest for people.
 */
@Injectable()
export class ApprovalGate {
  constructor(
    private readonly breaker: AutomationBreaker,
    private readonly rollout: AutomationRollout,
  ) {}

  async check(
    tx: EntityManager,
    submissionId: string,
    pipelineId: string,
    policy: Policy,
    decision: RouteDecision,
  ): Promise<GatedDecision> {
    if (decision.route !== 'approved' || decision.decidedBy !== 'auto') return decision;
    const { state, allowed } = await this.breaker.admit(tx, pipelineId, policy, submissionId);
    if (allowed) {
      // An evidence-gated rollout lets out only its current step's share (the same draw as a fixed share).
      const share = await this.rollout.share(tx, pipelineId, policy);
      if (share !== null && !(routeDrawsFor(submissionId).rollout < share)) {
        const message = `Qualifies for auto-approval, but the rollout is at the step letting ${Math.round(share * 1000) / 10}% of items auto-approve.`;
        return {
          route: 'human_review',
          flags: decision.flags,
          qaSample: false,
          reasons: [{ code: 'rollout.held', message }, ...decision.reasons],
        };
      }
      return { ...decision, ...auditSampleOf(policy, 'auto', state, submissionId) };
    }
    const to = policy.aiReview ? 'ai_review' : 'human_review';
    const why =
      state === 'open'
        ? 'the automation breaker of this pipeline is open: reviewers overturned too many automatic approvals'
        : 'the automation breaker of this pipeline is half-open and lets only a share of approvals through';
    return {
      route: to,
      flags: decision.flags,
      qaSample: false,
      reasons: [
        { code: `breaker.${state}`, message: `Held from auto-approval: ${why}.` },
        ...decision.reasons,
      ],
    };
  }
}
