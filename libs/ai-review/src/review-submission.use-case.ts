import { Injectable, Logger } from '@nestjs/common';
import { AiRoute, routeFault, routeVerdict } from './outcome.decider';
import { CallRecord, ChainObserver, ChainOutcome, ReviewChain, SkipReason } from './review-chain';
import { ReviewItem } from './ai-review.types';
import { auditSampleOf, AutomationBreaker } from '@arbiter/oversight';
import { AiReviewRepository } from './ai-review.repository';
import {
  SubmissionRepository,
  SubmissionRow,
  PolicyCatalog,
  SubmissionWorkflow,
} from '@arbiter/workflow';
import { AiReviewMetrics } from './ai-review-metrics.service';
import { Tracing } from '@arbiter/observability';

export type AiReviewOutcome =
  { kind: 'decided' | 'stale' | 'missing' } | { kind: 'defer'; waitMs: number };

/**
 * The AI review stage: runs the provider chain on a submission in ai_review and applies the
 * verdict as one transition (approved by `ai`, rejected, or human_review with the AI's reasons
 * and spans). Every fault — no provider left, over budget, bad policy — goes to people.
 */
@Injectable()
export class ReviewSubmission {
  private readonly logger = new Logger(ReviewSubmission.name);

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly calls: AiReviewRepository,
    private readonly catalog: PolicyCatalog,
    private readonly workflow: SubmissionWorkflow,
    private readonly chain: ReviewChain,
    private readonly metrics: AiReviewMetrics,
    private readonly breaker: AutomationBreaker,
    private readonly tracing: Tracing,
  ) {}

  async execute(submissionId: string, waitingSince: number): Promise<AiReviewOutcome> {
    const row = await this.submissions.findById(submissionId);
    if (!row) return { kind: 'missing' };
    if (row.status !== 'ai_review') return { kind: 'stale' };
    const version = await this.catalog.versionById(row.policyVersionId);
    const section = version?.policy.aiReview;
    if (!section) {
      return this.apply(
        row,
        routeFault('ai_review.not_configured', 'The policy version has no aiReview section.'),
        null,
      );
    }
    // The provider calls, in the submission's trace (a child of its intake span).
    const outcome = await this.tracing.inSpan(
      'ai-review',
      this.tracing.extract({ traceparent: row.traceparent ?? undefined }),
      { 'arbiter.submission.id': row.id },
      async (span) => {
        const result = await this.chain.run(
          { item: itemOf(row), section, pipelineId: row.pipelineId, waitingSince },
          this.observer(row),
        );
        span.setAttribute('arbiter.ai_review.outcome', result.kind);
        if (result.kind === 'verdict')
          span.setAttribute('arbiter.ai_review.provider', result.provider.name);
        return result;
      },
    );
    if (outcome.kind === 'defer') return { kind: 'defer', waitMs: outcome.waitMs };
    if (outcome.kind === 'budget') await this.alertBudget(row, outcome);
    return this.apply(row, routeOf(section, outcome), outcome);
  }

  /** After the last failed attempt (database or Redis kept failing): hand the submission to people. */
  async failSafe(submissionId: string, error: Error): Promise<void> {
    const row = await this.submissions.findById(submissionId);
    if (row?.status !== 'ai_review') return;
    await this.apply(
      row,
      routeFault('ai_review.failed', `AI review failed: ${error.message}`),
      null,
    );
  }

  private async apply(
    row: SubmissionRow,
    route: AiRoute,
    outcome: ChainOutcome | null,
  ): Promise<AiReviewOutcome> {
    const verdict = outcome?.kind === 'verdict' ? outcome : null;
    const final = route.route !== 'human_review';
    const ai = verdict
      ? {
          provider: verdict.provider.name,
          model: verdict.provider.model,
          region: verdict.provider.region,
          redacted: verdict.redacted,
          ...verdict.verdict,
        }
      : null;
    const previous = (row.decision ?? {}) as { flags?: string[] };
    const audit = route.route === 'approved' ? await this.auditSample(row) : { qaSample: false };
    const applied = await this.workflow.transition({
      submissionId: row.id,
      path: ['ai_review', route.route],
      actor: 'ai-review',
      patch: {
        decision: {
          outcome: final ? route.route : null,
          route: route.route,
          decidedBy: route.decidedBy,
          reasons: route.reasons,
          flags: previous.flags ?? [],
          aiReview: ai,
          ...audit,
          finalOutput: route.route === 'approved' ? row.output : undefined,
        },
        decided: final,
      },
      eventData: {
        [route.route]: {
          reasons: route.reasons,
          verdict: ai?.verdict ?? null,
          confidence: ai?.confidence ?? null,
          provider: ai?.provider ?? null,
        },
      },
    });
    if (!applied) return { kind: 'stale' };
    this.metrics.routed.inc({ route: route.route, reason: route.reasons[0]?.code ?? 'none' });
    return { kind: 'decided' };
  }

  /** An AI approval is audited like an automatic one, at the policy's AI rate (raised while the breaker is not closed). */
  private async auditSample(
    row: SubmissionRow,
  ): Promise<{ qaSample: boolean; qaSampleRate?: number }> {
    const policy = (await this.catalog.versionById(row.policyVersionId))?.policy;
    if (!policy) return { qaSample: false };
    const { state } = await this.breaker.status(row.pipelineId);
    return auditSampleOf(policy, 'ai', state, row.id);
  }

  private observer(row: SubmissionRow): ChainObserver {
    return {
      call: async (record: CallRecord) => {
        this.metrics.call(record);
        const { kind: _k, ...data } = record;
        await this.calls.recordCall({
          submissionId: row.id,
          pipelineId: row.pipelineId,
          ...record,
        });
        await this.submissions.appendEvent(row.id, {
          type: 'ai_review.call',
          fromStatus: 'ai_review',
          toStatus: 'ai_review',
          actor: 'ai-review',
          data,
        });
      },
      skip: async (provider: string, reason: SkipReason, detail: string) => {
        await this.submissions.appendEvent(row.id, {
          type: 'ai_review.skipped',
          fromStatus: 'ai_review',
          toStatus: 'ai_review',
          actor: 'ai-review',
          data: { provider, reason, detail },
        });
      },
      breaker: (provider, state) => this.metrics.breaker(provider, state),
    };
  }

  // Once per scope, day and budget: the alert event, a log line for paging, a metric for dashboards.
  private async alertBudget(
    row: SubmissionRow,
    outcome: Extract<ChainOutcome, { kind: 'budget' }>,
  ): Promise<void> {
    const first = await this.chain.firstBudgetAlert(outcome.scope, outcome.budgetUsd);
    if (!first) return;
    const data = { scope: outcome.scope, spentUsd: outcome.spentUsd, budgetUsd: outcome.budgetUsd };
    this.metrics.budgetAlerts.inc({ scope: outcome.scope === 'total' ? 'total' : 'pipeline' });
    this.logger.warn({
      ...data,
      msg: 'AI review daily budget exhausted: items go to people until it resets or is raised',
    });
    await this.submissions.appendEvent(row.id, {
      type: 'alert.ai_budget_exhausted',
      fromStatus: 'ai_review',
      toStatus: 'ai_review',
      actor: 'ai-review',
      data,
    });
  }
}

function routeOf(
  section: Parameters<typeof routeVerdict>[0],
  outcome: Exclude<ChainOutcome, { kind: 'defer' }>,
): AiRoute {
  switch (outcome.kind) {
    case 'verdict':
      return routeVerdict(section, outcome.verdict, outcome.provider.name);
    case 'budget':
      return routeFault(
        'ai_review.budget_exhausted',
        `The daily AI review budget (${outcome.scope}) of ${outcome.budgetUsd} USD is spent (${round(outcome.spentUsd)} USD).`,
      );
    case 'unavailable':
      return routeFault(
        'ai_review.unavailable',
        `No AI reviewer could answer: ${outcome.reasons.join('; ')}.`,
      );
  }
}

function itemOf(row: SubmissionRow): ReviewItem {
  const input = row.input as { prompt?: string; context?: { id: string; text: string }[] };
  const output = row.output as { text?: string; json?: unknown; samples?: string[] };
  return {
    prompt: input.prompt,
    context: input.context ?? [],
    output: typeof output.text === 'string' ? output.text : JSON.stringify(output.json ?? ''),
    samples: output.samples ?? [],
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
