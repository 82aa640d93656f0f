import { Injectable } from '@nestjs/common';
import { ReviewTaskRow, SubmissionRepository } from '@arbiter/persistence';
import { PolicyCatalog } from '@arbiter/workflow';
import { reviewErrors } from './review.errors';

/** What a reviewer sees of a task: the task, its deadline, and the evidence to decide on. */
export interface ReviewTaskView {
  task: {
    id: string;
    queue: string;
    kind: string;
    status: string;
    priority: number;
    consensus: number;
    dueAt: string;
    slaState: string;
    leaseToken?: string;
    leaseExpiresAt?: string | null;
  };
  submission: {
    id: string;
    pipeline: string;
    policyVersion: number;
    externalId: string | null;
    input: Record<string, unknown>;
    output: Record<string, unknown>;
    model: Record<string, unknown>;
    metadata: Record<string, unknown> | null;
    confidence: number | null;
    signals: unknown[];
    gates: unknown[];
    /** Why it reached people: routing reasons, AI reviewer findings. */
    routing: Record<string, unknown> | null;
    createdAt: string;
  };
  reasonCodes: string[];
  canEscalate: boolean;
}

@Injectable()
export class TaskViewBuilder {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly catalog: PolicyCatalog,
  ) {}

  async build(task: ReviewTaskRow, withLease: boolean): Promise<ReviewTaskView> {
    const submission = await this.submissions.findById(task.submissionId);
    if (!submission) throw reviewErrors.taskNotFound(task.id);
    const version = await this.catalog.versionById(submission.policyVersionId);
    const scoring = (submission.scoring ?? {}) as { signals?: unknown[]; gates?: unknown[] };
    return {
      task: {
        id: task.id,
        queue: task.queue,
        kind: task.kind,
        status: task.status,
        priority: task.priority,
        consensus: task.consensus,
        dueAt: task.dueAt.toISOString(),
        slaState: task.slaState,
        ...(withLease ? { leaseToken: task.leaseToken ?? undefined, leaseExpiresAt: task.leaseExpiresAt?.toISOString() ?? null } : {}),
      },
      submission: {
        id: submission.id,
        pipeline: version?.pipelineKey ?? '',
        policyVersion: version?.version ?? 0,
        externalId: submission.externalId,
        input: submission.input,
        output: submission.output,
        model: submission.model,
        metadata: submission.metadata,
        confidence: submission.confidence,
        signals: scoring.signals ?? [],
        gates: scoring.gates ?? [],
        routing: submission.decision,
        createdAt: submission.createdAt.toISOString(),
      },
      reasonCodes: version?.policy.review.reasonCodes ?? [],
      canEscalate: Boolean(version?.policy.review.escalateTo) && task.kind !== 'escalation',
    };
  }
}
