import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ReviewTaskRepository, SubmissionRepository } from '@arbiter/persistence';
import { MAX_PRIORITY, parseDuration, Policy, reviewPriority } from '@arbiter/policy';
import { PolicyCatalog, SubmissionWorkflow, TransitionEvent } from '@arbiter/workflow';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { REVIEW_EVENTS, ReviewNotifier } from './review-notifier.service';
import { ReviewDispatch, TaskJob } from './review-dispatch.service';

// A policy without review.sla still gets a deadline, so nothing waits unseen forever.
const DEFAULT_SLA_MS = 60 * 60 * 1000;
// Audits hold no customer up: a day unless the policy's review SLA is set.
const AUDIT_SLA_MS = 24 * 60 * 60 * 1000;

/** An automatic (score or AI) approval whose QA draw selected it for audit. */
export function isSampledApproval(decision: Record<string, unknown> | null): boolean {
  return decision?.qaSample === true && (decision.decidedBy === 'auto' || decision.decidedBy === 'ai');
}

/** Priority at or below which new work is pushed to reviewers as urgent. */
export const URGENT_PRIORITY = 1;

/** The numbers a new task takes from its policy. */
export function taskTerms(policy: Policy, metadata: Record<string, unknown> | undefined, createdAt: Date) {
  const ttlMs = policy.ttl ? parseDuration(policy.ttl) : null;
  return {
    priority: reviewPriority(policy, metadata),
    consensus: policy.review.consensus ?? 1,
    dueAt: new Date(Date.now() + ((policy.review.sla && parseDuration(policy.review.sla)) || DEFAULT_SLA_MS)),
    expiresAt: ttlMs ? new Date(createdAt.getTime() + ttlMs) : null,
  };
}

/** Creates the review task when a submission is handed to people, whoever handed it over. */
@Injectable()
export class ReviewTaskCreator implements OnModuleInit {
  private readonly logger = new Logger(ReviewTaskCreator.name);

  constructor(
    private readonly workflow: SubmissionWorkflow,
    private readonly submissions: SubmissionRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly catalog: PolicyCatalog,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
  ) {}

  onModuleInit(): void {
    this.workflow.onTransition(async (event: TransitionEvent) => {
      if (event.to === 'human_review') await this.createFor(event.submissionId);
      if (event.to === 'approved' && isSampledApproval(event.submission.decision)) await this.createAudit(event.submissionId);
    });
  }

  /**
   * The audit task of a sampled automatic approval, in the policy's QA queue (default: its review
   * queue) at its QA priority (default: the least urgent). The approval stands and has gone out:
   * the audit only judges it.
   */
  async createAudit(submissionId: string): Promise<void> {
    const submission = await this.submissions.findById(submissionId);
    if (!submission || submission.status !== 'approved' || !isSampledApproval(submission.decision)) return;
    const version = await this.catalog.versionById(submission.policyVersionId);
    if (!version) throw new Error(`policy version ${submission.policyVersionId} not found`);
    const policy = version.policy;
    const id = randomUUID();
    const queue = policy.qa?.queue ?? policy.review.queue;
    const priority = policy.qa?.priority ?? MAX_PRIORITY;
    const dueAt = new Date(Date.now() + ((policy.review.sla && parseDuration(policy.review.sla)) || AUDIT_SLA_MS));
    const created = await this.tasks.createOpen({
      id, submissionId, queue, kind: 'qa', priority, consensus: 1, dueAt, expiresAt: null, escalatedFrom: null,
    });
    if (!created) return;
    await this.dispatchNew(queue, { taskId: id, priority, consensus: 1, dueAt: dueAt.toISOString(), createdAt: new Date().toISOString() });
  }

  /** Creates and dispatches the submission's review task unless it already has an open one. */
  async createFor(submissionId: string): Promise<void> {
    const submission = await this.submissions.findById(submissionId);
    if (!submission || submission.status !== 'human_review') return;
    const version = await this.catalog.versionById(submission.policyVersionId);
    if (!version) throw new Error(`policy version ${submission.policyVersionId} not found`);
    const terms = taskTerms(version.policy, submission.metadata ?? undefined, submission.createdAt);
    const id = randomUUID();
    const queue = version.policy.review.queue;
    const created = await this.tasks.createOpen({
      id, submissionId, queue, kind: 'review', escalatedFrom: null, ...terms,
    });
    if (!created) return;
    await this.dispatchNew(queue, {
      taskId: id,
      priority: terms.priority,
      consensus: terms.consensus,
      dueAt: terms.dueAt.toISOString(),
      createdAt: new Date().toISOString(),
    });
  }

  /** Inside a transaction: an escalation task in `queue` for the same submission. */
  async createEscalation(tx: EntityManager, submissionId: string, fromTaskId: string, queue: string, slaMs: number): Promise<TaskJob & { queue: string }> {
    const id = randomUUID();
    const dueAt = new Date(Date.now() + slaMs);
    await this.tasks.createOpen(
      { id, submissionId, queue, kind: 'escalation', priority: URGENT_PRIORITY, consensus: 1, dueAt, expiresAt: null, escalatedFrom: fromTaskId },
      tx,
    );
    return { queue, taskId: id, priority: URGENT_PRIORITY, consensus: 1, dueAt: dueAt.toISOString(), createdAt: new Date().toISOString() };
  }

  /** After commit: the job in Redis and the pushes to reviewers. */
  async dispatchNew(queue: string, job: TaskJob): Promise<void> {
    await this.dispatch.add(queue, job);
    this.notifier.countsChanged(queue);
    if (job.priority <= URGENT_PRIORITY) this.notifier.toQueue(queue, REVIEW_EVENTS.urgentTask, { queue, taskId: job.taskId, dueAt: job.dueAt });
    this.logger.debug({ taskId: job.taskId, queue, msg: 'review task dispatched' });
  }
}
