import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { SubmissionRepository, DomainEvents, PolicyCatalog } from '@arbiter/workflow';
import { MAX_PRIORITY, parseDuration, Policy, reviewPriority } from '@arbiter/policy';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { REVIEW_EVENTS, ReviewNotifier } from './review-notifier.service';
import { ReviewDispatch, TaskJob, taskJobOf } from './review-dispatch.service';
import { requiredSkills } from './skill-routing';

// A policy without review.sla still gets a deadline, so nothing waits unseen forever.
const DEFAULT_SLA_MS = 60 * 60 * 1000;
// Audits hold no customer up: a day unless the policy's review SLA is set.
const AUDIT_SLA_MS = 24 * 60 * 60 * 1000;

/** An automatic (score or AI) approval whose QA draw selected it for audit. */
export function isSampledApproval(decision: Record<string, unknown> | null): boolean {
  return (
    decision?.qaSample === true && (decision.decidedBy === 'auto' || decision.decidedBy === 'ai')
  );
}

/** Priority at or below which new work is pushed to reviewers as urgent. */
export const URGENT_PRIORITY = 1;

/** The numbers a new task takes from its policy. */
export function taskTerms(
  policy: Policy,
  metadata: Record<string, unknown> | undefined,
  createdAt: Date,
) {
  const ttlMs = policy.ttl ? parseDuration(policy.ttl) : null;
  return {
    priority: reviewPriority(policy, metadata),
    consensus: policy.review.consensus ?? 1,
    dueAt: new Date(
      Date.now() + ((policy.review.sla && parseDuration(policy.review.sla)) || DEFAULT_SLA_MS),
    ),
    expiresAt: ttlMs ? new Date(createdAt.getTime() + ttlMs) : null,
  };
}

/**
 * The skills a submission's task needs (its language, when the policy lists it), and from when
 * anyone of the queue may take it if the policy sets `review.skillFallback`.
 */
export function skillTermsOf(policy: Policy, input: Record<string, unknown> | null | undefined) {
  const skills = requiredSkills(policy.review, input);
  const fallbackMs =
    skills.length && policy.review.skillFallback
      ? parseDuration(policy.review.skillFallback)
      : null;
  return {
    requiredSkills: skills,
    skillFallbackAt: fallbackMs !== null ? new Date(Date.now() + fallbackMs) : null,
  };
}

/** Creates the review task when a submission is handed to people, whoever handed it over. */
@Injectable()
export class ReviewTaskCreator implements OnModuleInit {
  private readonly logger = new Logger(ReviewTaskCreator.name);

  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly submissions: SubmissionRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly catalog: PolicyCatalog,
    private readonly dispatch: ReviewDispatch,
    private readonly notifier: ReviewNotifier,
  ) {}

  onModuleInit(): void {
    this.domainEvents.subscribe('review.create-task', 'submission.sent_to_human_review', (moved) =>
      this.createFor(moved.submissionId),
    );
    this.domainEvents.subscribe('review.create-task', 'submission.approved', async (moved) => {
      if (isSampledApproval(moved.submission.decision)) await this.createAudit(moved.submissionId);
    });
  }

  /**
   * The audit task of a sampled automatic approval, in the policy's QA queue (default: its review
   * queue) at its QA priority (default: the least urgent). The approval stands and has gone out:
   * the audit only judges it.
   */
  async createAudit(submissionId: string): Promise<void> {
    const submission = await this.submissions.findById(submissionId);
    if (!submission || submission.status !== 'approved' || !isSampledApproval(submission.decision))
      return;
    const version = await this.catalog.versionById(submission.policyVersionId);
    if (!version) throw new Error(`policy version ${submission.policyVersionId} not found`);
    const policy = version.policy;
    const id = randomUUID();
    const queue = policy.qa?.queue ?? policy.review.queue;
    const priority = policy.qa?.priority ?? MAX_PRIORITY;
    const dueAt = new Date(
      Date.now() + ((policy.review.sla && parseDuration(policy.review.sla)) || AUDIT_SLA_MS),
    );
    const skills = skillTermsOf(policy, submission.input);
    const created = await this.tasks.createOpen({
      id,
      submissionId,
      queue,
      kind: 'qa',
      priority,
      consensus: 1,
      dueAt,
      expiresAt: null,
      escalatedFrom: null,
      ...skills,
    });
    if (!created) return;
    await this.dispatchNew(
      queue,
      taskJobOf({ id, priority, consensus: 1, dueAt, createdAt: new Date(), ...skills }),
    );
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
    const skills = skillTermsOf(version.policy, submission.input);
    const created = await this.tasks.createOpen({
      id,
      submissionId,
      queue,
      kind: 'review',
      escalatedFrom: null,
      ...terms,
      ...skills,
    });
    if (!created) return;
    await this.dispatchNew(
      queue,
      taskJobOf({
        id,
        priority: terms.priority,
        consensus: terms.consensus,
        dueAt: terms.dueAt,
        createdAt: new Date(),
        ...skills,
      }),
    );
  }

  /** Inside a transaction: an escalation task in `queue` for the same submission. */
  async createEscalation(
    tx: EntityManager,
    submissionId: string,
    fromTaskId: string,
    queue: string,
    slaMs: number,
  ): Promise<TaskJob & { queue: string }> {
    const id = randomUUID();
    const dueAt = new Date(Date.now() + slaMs);
    await this.tasks.createOpen(
      {
        id,
        submissionId,
        queue,
        kind: 'escalation',
        priority: URGENT_PRIORITY,
        consensus: 1,
        dueAt,
        expiresAt: null,
        escalatedFrom: fromTaskId,
      },
      tx,
    );
    return {
      queue,
      taskId: id,
      priority: URGENT_PRIORITY,
      consensus: 1,
      dueAt: dueAt.toISOString(),
      createdAt: new Date().toISOString(),
    };
  }

  /** After commit: the job in Redis and the pushes to reviewers. */
  async dispatchNew(queue: string, job: TaskJob): Promise<void> {
    await this.dispatch.add(queue, job);
    this.notifier.countsChanged(queue);
    if (job.priority <= URGENT_PRIORITY)
      this.notifier.toQueue(queue, REVIEW_EVENTS.urgentTask, {
        queue,
        taskId: job.taskId,
        dueAt: job.dueAt,
      });
    this.logger.debug({ taskId: job.taskId, queue, msg: 'review task dispatched' });
  }
}
