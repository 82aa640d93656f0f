import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxRecorder } from '@arbiter/delivery';
import { AuditVerdict, AuditVerdictHandler, AuditVerdicts } from '@arbiter/review';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AutomationBreaker } from '../breaker/automation-breaker.service';
import { AutomationRollout } from '../rollout/automation-rollout.service';
import { ApprovedBy } from '../oversight.settings';
import { QaAuditRepository } from './qa-audit.repository';

/** What the score and AI stages stored about an approval's audit draw (see AuditSampling). */
interface SampledDecision {
  decidedBy?: string;
  qaSampleRate?: number;
}

/**
 * The loop's side of an audit verdict: the audit row (with the approval's sampling rate, for the
 * weighted estimate) and, when the approval is overturned, the client's `audit.failed` event, both
 * in the decision's transaction; after the commit, the event's delivery and the breaker's judgement.
 */
@Injectable()
export class AuditRecorder implements AuditVerdictHandler, OnModuleInit {
  private readonly pendingDeliveries = new Map<string, string>();

  constructor(
    private readonly verdicts: AuditVerdicts,
    private readonly audits: QaAuditRepository,
    private readonly outbox: OutboxRecorder,
    private readonly breaker: AutomationBreaker,
    private readonly rollout: AutomationRollout,
  ) {}

  onModuleInit(): void {
    this.verdicts.register(this);
  }

  async withinDecision(tx: EntityManager, v: AuditVerdict): Promise<void> {
    const s = v.submission;
    const decision = (s.decision ?? {}) as SampledDecision;
    const model = s.model as { version?: string; name?: string };
    await this.audits.insert(tx, {
      id: randomUUID(),
      taskId: v.taskId,
      submissionId: s.id,
      pipelineId: s.pipelineId,
      policyVersionId: s.policyVersionId,
      modelVersion: model.version ?? model.name ?? null,
      promptVersion: s.promptVersion,
      approvedBy: (decision.decidedBy === 'ai' ? 'ai' : 'auto') satisfies ApprovedBy,
      // An audit task exists only for a sampled approval, so its rate is > 0; 1 is the safe
      // reading of a row stored before rates were recorded (it weighs the audit least).
      sampleRate:
        decision.qaSampleRate && decision.qaSampleRate > 0 ? Math.min(1, decision.qaSampleRate) : 1,
      overturned: v.overturned,
      reasonCodes: v.reasonCodes,
      correctedOutput: v.correctedOutput,
      reviewerId: v.reviewerId,
    });
    if (!v.overturned) return;
    const eventId = await this.outbox.recordAuditFailed(tx, s, {
      taskId: v.taskId,
      reasonCodes: v.reasonCodes,
      comment: v.comment,
      correctedOutput: v.correctedOutput,
    });
    if (eventId) this.pendingDeliveries.set(v.taskId, eventId);
  }

  async afterCommit(v: AuditVerdict): Promise<void> {
    const eventId = this.pendingDeliveries.get(v.taskId);
    this.pendingDeliveries.delete(v.taskId);
    if (eventId) await this.outbox.enqueue(eventId, v.submission.id);
    const { pipelineId, policyVersionId } = v.submission;
    // A trip on evidence steps the rollout back (the breaker does it); otherwise the audit may be
    // what lets it climb.
    const trip = await this.breaker.evaluate(pipelineId, policyVersionId);
    if (trip?.to !== 'open')
      await this.rollout.evaluate(
        pipelineId,
        policyVersionId,
        (await this.breaker.status(pipelineId)).state,
      );
  }
}
