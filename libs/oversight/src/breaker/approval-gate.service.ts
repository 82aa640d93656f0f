import { Injectable } from '@nestjs/common';
import { Policy, RouteDecision, routeDrawsFor } from '@arbiter/policy';
import { EntityManager } from 'typeorm';
import { auditSampleOf, rolloutSettingsOf } from '../oversight.settings';
import type { BreakerStatus } from '../rules/circuit-breaker.rules';
import type { RolloutStatus } from '../rules/rollout.rules';
import { AutomationRollout } from '../rollout/automation-rollout.service';
import { AutomationBreaker } from './automation-breaker.service';

/** A route decision as the score stage stores it, with the audit draw's rate. */
export type GatedDecision = RouteDecision & { qaSampleRate?: number };

/** One decision for the gate, with the submission and pipeline it is about. */
export interface GateItem {
  submissionId: string;
  pipelineId: string;
  policy: Policy;
  decision: RouteDecision;
}

/** What the gate read of one pipeline in the current transaction. */
interface PipelineReads {
  breaker: BreakerStatus;
  rollout?: RolloutStatus;
}

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

  /** One decision on its own (see `checkMany`). */
  async check(
    tx: EntityManager,
    submissionId: string,
    pipelineId: string,
    policy: Policy,
    decision: RouteDecision,
  ): Promise<GatedDecision> {
    const [gated] = await this.checkMany(tx, [{ submissionId, pipelineId, policy, decision }]);
    return gated;
  }

  /**
   * The decisions one transaction applies, in order. Each pipeline's breaker (under its share
   * lock) and rollout step are read once for all its rows: a group of 32 approvals costs two
   * statements, not 64, and one share lock per transaction.
   */
  async checkMany(tx: EntityManager, items: readonly GateItem[]): Promise<GatedDecision[]> {
    const reads = new Map<string, PipelineReads>();
    const gated: GatedDecision[] = [];
    for (const item of items) {
      if (item.decision.route !== 'approved' || item.decision.decidedBy !== 'auto') {
        gated.push(item.decision);
        continue;
      }
      let pipeline = reads.get(item.pipelineId);
      if (!pipeline) {
        pipeline = { breaker: await this.breaker.readShared(tx, item.pipelineId) };
        reads.set(item.pipelineId, pipeline);
      }
      gated.push(await this.gate(tx, pipeline, item));
    }
    return gated;
  }

  private async gate(
    tx: EntityManager,
    pipeline: PipelineReads,
    { submissionId, pipelineId, policy, decision }: GateItem,
  ): Promise<GatedDecision> {
    const { state, allowed } = this.breaker.admits(pipeline.breaker, policy, submissionId);
    if (allowed) {
      // An evidence-gated rollout lets out only its current step's share (the same draw as a fixed share).
      if (rolloutSettingsOf(policy))
        pipeline.rollout ??= await this.rollout.readWithin(tx, pipelineId);
      const share = pipeline.rollout ? this.rollout.shareAt(pipeline.rollout, policy) : null;
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
