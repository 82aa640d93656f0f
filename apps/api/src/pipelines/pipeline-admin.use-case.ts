import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { PipelineView } from '@arbiter/contracts';
import { PipelineEntity, PipelineRepository, ReviewQueueRepository } from '@arbiter/persistence';
import { PolicyCatalog } from '@arbiter/workflow';
import { Policy, PolicyProblem } from '@arbiter/policy';
import { UrlGuard } from '@arbiter/delivery';
import { KNOWN_EXTERNAL_VALIDATORS } from '@arbiter/scoring';
import { checkPolicy, effectiveView, policyChecksum, PolicyBody } from './policy-checker';

/** Adds, activates, rolls back and splits pipeline policy versions. */
@Injectable()
export class PipelineAdmin {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly catalog: PolicyCatalog,
    private readonly reviewQueues: ReviewQueueRepository,
    private readonly guard: UrlGuard,
  ) {}

  /** Rule-service URLs of `webhook` validators that the SSRF guard refuses (it may resolve DNS). */
  private async urlProblems(policy: Policy): Promise<PolicyProblem[]> {
    const checks = (policy.validators ?? []).map(async (v, i) => {
      if (!KNOWN_EXTERNAL_VALIDATORS.includes(v.type) || typeof v.url !== 'string') return null;
      const path = `validators[${i}].url`;
      const problem = await this.guard.problem(v.url, path);
      return problem ? { path, message: problem.startsWith(path) ? problem.slice(path.length).trim() : problem } : null;
    });
    return (await Promise.all(checks)).filter((p): p is PolicyProblem => p !== null);
  }

  /** Validates and stores a new version; an unchanged document adds nothing. */
  async putVersion(
    key: string,
    body: PolicyBody,
    activate: boolean,
    source: string,
  ): Promise<{ version: number; created: boolean; warnings: PolicyProblem[]; pipeline: PipelineView }> {
    const checked = checkPolicy(body, key);
    const policy = checked.policy;
    const problems = policy ? await this.urlProblems(policy) : checked.problems;
    if (!policy || problems.length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `Invalid policy: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`,
        problems,
      });
    }
    const { version, created } = await this.pipelines.addVersion({
      pipelineKey: key,
      document: policy as unknown as Record<string, unknown>,
      checksum: policyChecksum(policy),
      source,
      activate,
    });
    this.catalog.invalidate(key);
    // Queues exist as soon as a policy names them, so admins can staff them before work arrives.
    await this.reviewQueues.register([policy.review.queue, ...(policy.review.escalateTo ? [policy.review.escalateTo] : [])]);
    const { warnings } = effectiveView(policy as unknown as Record<string, unknown>);
    return { version: version.version, created, warnings, pipeline: await this.view(key) };
  }

  async view(key: string): Promise<PipelineView> {
    const pipeline = await this.pipelines.findByKey(key);
    if (!pipeline) throw new NotFoundException(`Pipeline "${key}" not found`);
    return this.toView(pipeline);
  }

  async activate(key: string, version: number): Promise<PipelineView> {
    const pipeline = await this.pipelines.activate(key, version);
    this.catalog.invalidate(key);
    return this.toView(pipeline);
  }

  async rollback(key: string): Promise<PipelineView> {
    const pipeline = await this.pipelines.rollback(key);
    if (!pipeline) throw new BadRequestException(`Pipeline "${key}" has no earlier active version to roll back to`);
    this.catalog.invalidate(key);
    return this.toView(pipeline);
  }

  async split(key: string, version: number, percent: number): Promise<PipelineView> {
    const pipeline = await this.pipelines.split(key, version, percent);
    this.catalog.invalidate(key);
    return this.toView(pipeline);
  }

  private async toView(pipeline: PipelineEntity): Promise<PipelineView> {
    const versions = await this.pipelines.listVersions(pipeline.id);
    return {
      key: pipeline.key,
      activeVersion: pipeline.activeVersion,
      previousVersions: pipeline.previousVersions,
      split:
        pipeline.splitVersion !== null && pipeline.splitPercent !== null
          ? { version: pipeline.splitVersion, percent: pipeline.splitPercent }
          : null,
      versions: versions.map((v) => ({
        version: v.version,
        checksum: v.checksum,
        source: v.source,
        createdAt: v.createdAt.toISOString(),
        document: v.document,
        ...effectiveView(v.document),
      })),
    };
  }
}
