import { Injectable } from '@nestjs/common';
import { ReviewTaskRow } from './repositories/review-task.repository';
import { SubmissionRepository, SubmissionRow, PolicyCatalog } from '@arbiter/workflow';
import type { ReviewTaskView } from '@arbiter/contracts';
import { reviewErrors } from './review.errors';

export type { ReviewTaskView } from '@arbiter/contracts';

type SubmissionView = ReviewTaskView['submission'];

/** What a reviewer sees of a task: the task, its deadline, and the evidence to decide on. */
@Injectable()
export class TaskViewBuilder {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly catalog: PolicyCatalog,
  ) {}

  /** `submission` when the caller already read it with the task (claim does), else it is read here. */
  async build(
    task: ReviewTaskRow,
    withLease: boolean,
    known?: SubmissionRow | null,
  ): Promise<ReviewTaskView> {
    const submission = known ?? (await this.submissions.findById(task.submissionId));
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
        requiredSkills: task.requiredSkills ?? [],
        skillFallback:
          (task.requiredSkills?.length ?? 0) > 0 &&
          task.skillFallbackAt !== null &&
          task.skillFallbackAt !== undefined &&
          task.skillFallbackAt.getTime() <= Date.now(),
        ...(withLease
          ? {
              leaseToken: task.leaseToken ?? undefined,
              leaseExpiresAt: task.leaseExpiresAt?.toISOString() ?? null,
            }
          : {}),
      },
      submission: {
        id: submission.id,
        pipeline: version?.pipelineKey ?? '',
        policyVersion: version?.version ?? 0,
        externalId: submission.externalId,
        input: submission.input as SubmissionView['input'],
        output: submission.output as SubmissionView['output'],
        model: submission.model as SubmissionView['model'],
        metadata: submission.metadata,
        confidence: submission.confidence,
        signals: (scoring.signals ?? []) as SubmissionView['signals'],
        gates: (scoring.gates ?? []) as SubmissionView['gates'],
        routing: submission.decision as SubmissionView['routing'],
        createdAt: submission.createdAt.toISOString(),
      },
      reasonCodes: version?.policy.review.reasonCodes ?? [],
      // The version that judged the submission: its instructions are the ones this task is held to.
      guidelines: version?.policy.review.guidelines ?? null,
      canEscalate: Boolean(version?.policy.review.escalateTo) && task.kind !== 'escalation',
    };
  }
}
