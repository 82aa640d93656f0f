import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { RULE_SERVICE, RuleServicePort } from '@arbiter/delivery';
import { ApprovalGate, GatedDecision } from '@arbiter/oversight';
import {
  SubmissionRepository,
  SubmissionRow,
  FINAL_STATUSES,
  PolicyCatalog,
  SubmissionStatus,
  SubmissionWorkflow,
  TransitionRequest,
} from '@arbiter/workflow';
import {
  decideRoute,
  effectivePolicy,
  Policy,
  RouteDecision,
  routeDrawsFor,
} from '@arbiter/policy';
import {
  ExternalOutcome,
  KNOWN_EXTERNAL_VALIDATORS,
  ScoreResult,
  scoreOutput,
  scoringDefaults,
  ScoringInput,
  ValidatorConfig,
} from '@arbiter/scoring';
import type { Span } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { ScoreRouteWriter } from './score-route-writer';
import { ScoreStageMetrics } from './score-stage-metrics.service';

export type ScoreOutcome = 'routed' | 'stale' | 'missing';

/**
 * The score stage: validators and signals → confidence → route, applied as one transition.
 * A scorer fault never approves: the submission goes to humans with the fault as the reason.
 * Jobs running at once share their read and their commit (ScoreRouteWriter).
 */
@Injectable()
export class ScoreSubmission implements OnModuleDestroy {
  private readonly logger = new Logger(ScoreSubmission.name);
  private readonly writer: ScoreRouteWriter;

  constructor(
    submissions: SubmissionRepository,
    private readonly catalog: PolicyCatalog,
    private readonly workflow: SubmissionWorkflow,
    private readonly metrics: ScoreStageMetrics,
    gate: ApprovalGate,
    db: DataSource,
    @Inject(RULE_SERVICE) private readonly ruleService: RuleServicePort,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.writer = new ScoreRouteWriter(
      submissions,
      workflow,
      gate,
      db,
      { windowMs: config.worker.scoreBatchWindowMs, max: config.worker.scoreBatchMax },
      (size) => metrics.groupRows.observe(size),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.writer.drain();
  }

  /** Scores and routes the submission; `span` (the job's, when tracing) gets the route and confidence. */
  async execute(submissionId: string, attempt: number, span?: Span): Promise<ScoreOutcome> {
    const started = process.hrtime.bigint();
    const row = await this.writer.load(submissionId);
    if (!row) return 'missing';
    if (row.status !== 'received' && row.status !== 'scoring') return 'stale';
    const version = await this.catalog.versionById(row.policyVersionId);
    if (!version) throw new Error(`policy version ${row.policyVersionId} not found`);

    const external = await this.askRuleServices(row, version.policy);
    const { score, decision } = this.judge(row, version.policy, external);
    const applied = await this.writer.apply({
      row,
      policy: version.policy,
      decision,
      request: (gated) => this.requestOf(row, score, gated, attempt),
    });
    if (!applied) return 'stale';
    span?.setAttribute('arbiter.route', applied);
    // No confidence when the scorer failed (the submission went to people without one).
    if (score) span?.setAttribute('arbiter.confidence', score.confidence);
    this.metrics.scoreDuration.observe(
      { route: applied },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
    return 'routed';
  }

  private requestOf(
    row: SubmissionRow,
    score: ScoreResult | null,
    decision: GatedDecision,
    attempt: number,
  ): TransitionRequest {
    const final = FINAL_STATUSES.includes(decision.route);
    return {
      submissionId: row.id,
      path:
        row.status === 'received'
          ? ['received', 'scoring', decision.route]
          : ['scoring', decision.route],
      actor: 'worker',
      patch: {
        confidence: score ? score.confidence : null,
        scoring: score
          ? { signals: score.signals, gates: score.gates, ...extras(score) }
          : undefined,
        decision: {
          outcome: final ? decision.route : null,
          route: decision.route,
          decidedBy: decision.decidedBy,
          reasons: decision.reasons,
          flags: decision.flags,
          qaSample: decision.qaSample,
          qaSampleRate: decision.qaSampleRate,
          finalOutput: decision.route === 'approved' ? row.output : undefined,
        },
        decided: final,
      },
      eventData: {
        scoring: { attempt },
        [decision.route]: {
          confidence: score?.confidence ?? null,
          reasons: decision.reasons,
          flags: decision.flags,
        },
      },
    };
  }

  /** After the last failed attempt (e.g. the database kept failing): hand the submission to people. */
  async failSafe(submissionId: string, error: Error): Promise<void> {
    const decision = {
      outcome: null,
      route: 'human_review',
      reasons: [{ code: 'scoring.failed', message: `Scoring failed: ${error.message}` }],
      flags: [],
    };
    for (const path of [
      ['received', 'scoring', 'human_review'],
      ['scoring', 'human_review'],
    ] as SubmissionStatus[][]) {
      if (
        await this.workflow.transition({ submissionId, path, actor: 'worker', patch: { decision } })
      )
        return;
    }
  }

  /**
   * Validators that need I/O (the client's rule service) run here, before the pure engine, each
   * bounded by its own timeout and retries; a fault comes back as an outcome that sends the
   * submission to people (see scoreOutput), never as an approval.
   */
  private async askRuleServices(
    row: SubmissionRow,
    policy: Policy,
  ): Promise<Map<ValidatorConfig, ExternalOutcome>> {
    const entries = (policy.validators ?? []).filter((v) =>
      KNOWN_EXTERNAL_VALIDATORS.includes(v.type),
    );
    const input = scoringInput(row);
    const outcomes = await Promise.all(
      entries.map((validator) =>
        this.ruleService.evaluate({
          clientId: row.clientId,
          submissionId: row.id,
          pipeline: policy.pipeline,
          validator,
          input,
        }),
      ),
    );
    return new Map(entries.map((v, i) => [v, outcomes[i]]));
  }

  private judge(
    row: SubmissionRow,
    policy: Policy,
    external: ReadonlyMap<ValidatorConfig, ExternalOutcome>,
  ): { score: ScoreResult | null; decision: RouteDecision } {
    const input = scoringInput(row);
    try {
      // A policy without signals: scores with every signal of the fitted model (effectivePolicy).
      const score = scoreOutput(input, {
        signals: effectivePolicy(policy, scoringDefaults()).signals,
        validators: policy.validators,
        schemas: policy.schemas,
        engine: policy.scoring,
        external,
      });
      return { score, decision: decideRoute(policy, score, routeDrawsFor(row.id)) };
    } catch (error) {
      this.logger.error({
        submissionId: row.id,
        msg: `scoring failed: ${(error as Error).message}`,
      });
      return {
        score: null,
        decision: {
          route: 'human_review',
          reasons: [
            { code: 'scoring.failed', message: `Scoring failed: ${(error as Error).message}` },
          ],
          flags: [],
          qaSample: false,
        },
      };
    }
  }
}

function scoringInput(row: SubmissionRow): ScoringInput {
  return {
    input: row.input as ScoringInput['input'],
    output: row.output as ScoringInput['output'],
  };
}

/**
 * What the stored scoring keeps besides its signals and gates (logit, model…). Not `cap`: the
 * routing reasons give it, and the contradiction signal's cues hold its words where erasure
 * finds them.
 */
function extras(score: ScoreResult): Record<string, unknown> {
  const { confidence: _c, signals: _s, gates: _g, cap: _cap, ...rest } = score;
  return rest;
}
