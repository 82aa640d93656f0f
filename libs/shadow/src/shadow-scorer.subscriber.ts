import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { routeCandidate } from '@arbiter/datasets';
import { DomainEvents, PolicyCatalog, SubmissionMoved } from '@arbiter/workflow';
import { ShadowRepository } from './shadow.repository';

/** How long a pipeline's shadow setting is trusted in memory: scoring stays one lookup per submission. */
const SHADOW_TTL_MS = 5000;
const ROUTES: readonly string[] = ['approved', 'rejected', 'ai_review', 'human_review'];

/**
 * The worker's subscriber on `submission left scoring`: when the pipeline has a shadow policy
 * version, the same submission is scored and routed by it too, and only recorded. It never
 * routes, never delays the transition (it runs after the commit), and a failure here is logged,
 * never the submission's problem.
 */
@Injectable()
export class ShadowScorer implements OnModuleInit {
  private readonly logger = new Logger(ShadowScorer.name);
  private readonly shadows = new Map<string, { versionId: string | null; expires: number }>();

  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly catalog: PolicyCatalog,
    private readonly repository: ShadowRepository,
  ) {}

  onModuleInit(): void {
    this.domainEvents.subscribe('shadow.score', 'submission.moved', (event) =>
      this.score(event).catch((error: Error) =>
        this.logger.warn({
          submissionId: event.submissionId,
          msg: `shadow scoring failed: ${error.message}`,
        }),
      ),
    );
  }

  async score(event: SubmissionMoved): Promise<void> {
    // The score stage's transition: received|scoring → the route it chose (one event for the whole path).
    if ((event.from !== 'received' && event.from !== 'scoring') || !ROUTES.includes(event.to))
      return;
    const row = event.submission;
    const versionId = await this.shadowOf(row.pipelineId);
    if (!versionId || versionId === row.policyVersionId) return;
    const version = await this.catalog.versionById(versionId);
    if (!version) return;
    const output = row.output as { text?: string; json?: unknown };
    const text = typeof output.text === 'string' ? output.text : JSON.stringify(output.json ?? '');
    const route = routeCandidate(
      version.policy,
      row.input as Parameters<typeof routeCandidate>[1],
      text,
      row.id,
    );
    await this.repository.record({
      submissionId: row.id,
      policyVersionId: versionId,
      pipelineId: row.pipelineId,
      activeRoute: event.to,
      shadowRoute: route.route,
      shadowConfidence: route.confidence,
    });
  }

  /** Forgets what it knows of a pipeline (the api's change reaches workers within the TTL). */
  forget(): void {
    this.shadows.clear();
  }

  private async shadowOf(pipelineId: string): Promise<string | null> {
    const hit = this.shadows.get(pipelineId);
    if (hit && hit.expires > Date.now()) return hit.versionId;
    const versionId = (await this.repository.find(pipelineId))?.policyVersionId ?? null;
    this.shadows.set(pipelineId, { versionId, expires: Date.now() + SHADOW_TTL_MS });
    return versionId;
  }
}
