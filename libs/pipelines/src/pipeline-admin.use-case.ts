import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { PipelinesError, PipelinesErrorCode } from './pipelines.errors';
import { PipelineView, PolicyCheckView } from '@arbiter/contracts';
import { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import { ReviewQueueRepository } from '@arbiter/review';
import { DEFAULT_WORKSPACE_ID, PipelineEntity } from '@arbiter/persistence';
import {
  LocatedPolicyProblem,
  parseLocatedPolicyText,
  Policy,
  PolicyProblem,
  policyTextLocator,
} from '@arbiter/policy';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * URLs the policy makes Arbiter call that the SSRF guard refuses (it may resolve DNS): the
   * rule services of `webhook` validators and the pipeline's alert targets. An alert webhook is
   * also refused when this server has no secret to sign it with: it could never be sent.
   */
  private async urlProblems(policy: Policy): Promise<PolicyProblem[]> {
    const urls: { path: string; url: string }[] = [];
    (policy.validators ?? []).forEach((v, i) => {
      if (KNOWN_EXTERNAL_VALIDATORS.includes(v.type) && typeof v.url === 'string')
        urls.push({ path: `validators[${i}].url`, url: v.url });
    });
    for (const key of ['webhookUrl', 'slackUrl'] as const) {
      const url = policy.alerts?.[key];
      if (url) urls.push({ path: `alerts.${key}`, url });
    }
    const checks = urls.map(async ({ path, url }) => {
      const problem = await this.guard.problem(url, path);
      return problem
        ? { path, message: problem.startsWith(path) ? problem.slice(path.length).trim() : problem }
        : null;
    });
    const problems = (await Promise.all(checks)).filter((p): p is PolicyProblem => p !== null);
    if (policy.alerts?.webhookUrl && !this.config.alerts.webhookSecret)
      problems.push({
        path: 'alerts.webhookUrl',
        message:
          'alert webhooks are signed with ARBITER_ALERT_WEBHOOK_SECRET, which is not set on this server: set it, or use alerts.slackUrl',
      });
    return problems;
  }

  /** Validates and stores a new version; an unchanged document adds nothing. */
  async putVersion(
    key: string,
    body: PolicyBody,
    activate: boolean,
    source: string,
    workspace: { create: string; scope: string | null } = {
      create: DEFAULT_WORKSPACE_ID,
      scope: null,
    },
  ): Promise<{
    version: number;
    created: boolean;
    warnings: PolicyProblem[];
    pipeline: PipelineView;
  }> {
    const { policy, problems } = await this.verdict(key, body);
    if (!policy || problems.length > 0) {
      throw new PipelinesError(
        PipelinesErrorCode.PolicyInvalid,
        `Invalid policy: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`,
        problems,
      );
    }
    // The queues it names must be free or of the pipeline's own workspace (names are unique
    // across workspaces): refused before anything is stored.
    const queues = [
      policy.review.queue,
      ...(policy.review.escalateTo ? [policy.review.escalateTo] : []),
    ];
    const home = (await this.pipelines.findByKey(key))?.workspaceId ?? workspace.create;
    const taken = await this.reviewQueues.heldElsewhere(queues, home);
    if (taken.length > 0) {
      const problems = taken.map((queue) => ({
        path: queue === policy.review.queue ? 'review.queue' : 'review.escalateTo',
        message: `the queue "${queue}" is taken: queue names are unique across workspaces, choose another`,
      }));
      throw new PipelinesError(
        PipelinesErrorCode.PolicyInvalid,
        `Invalid policy: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        problems,
      );
    }
    const { version, created } = await this.pipelines.addVersion({
      pipelineKey: key,
      document: policy as unknown as Record<string, unknown>,
      checksum: policyChecksum(policy),
      source,
      activate,
      workspace,
    });
    this.catalog.invalidate(key);
    // Queues exist as soon as a policy names them, so admins can staff them before work arrives.
    await this.reviewQueues.register(queues, home);
    const { warnings } = effectiveView(policy as unknown as Record<string, unknown>);
    return { version: version.version, created, warnings, pipeline: await this.view(key) };
  }

  /**
   * What putVersion would answer, without storing anything: the same checks (the URL guard
   * included), each problem placed at its line and column when the policy came as text.
   */
  async check(key: string, body: PolicyBody): Promise<PolicyCheckView> {
    if (body.format !== 'object') {
      // checkPolicy reports syntax errors in its message only; this parse keeps their place.
      const parsed = parseLocatedPolicyText(body.text, body.format);
      if (parsed.problems.length > 0)
        return { valid: false, problems: parsed.problems, warnings: [] };
    }
    const { policy, problems } = await this.verdict(key, body);
    const place =
      body.format === 'object'
        ? (p: PolicyProblem): LocatedPolicyProblem => ({ ...p, line: null, column: null })
        : policyTextLocator(body.text);
    const warnings =
      policy && problems.length === 0
        ? effectiveView(policy as unknown as Record<string, unknown>).warnings
        : [];
    return {
      valid: policy !== undefined && problems.length === 0,
      problems: problems.map(place),
      warnings: warnings.map(place),
    };
  }

  /** The policy when it passes every check a new version must pass, else the problems. */
  private async verdict(
    key: string,
    body: PolicyBody,
  ): Promise<{ policy?: Policy; problems: PolicyProblem[] }> {
    const checked = checkPolicy(body, key);
    if (!checked.policy) return { problems: checked.problems };
    return { policy: checked.policy, problems: await this.urlProblems(checked.policy) };
  }

  async view(key: string): Promise<PipelineView> {
    const pipeline = await this.pipelines.findByKey(key);
    if (!pipeline)
      throw new PipelinesError(PipelinesErrorCode.PipelineNotFound, `Pipeline "${key}" not found`);
    return this.toView(pipeline);
  }

  async activate(key: string, version: number): Promise<PipelineView> {
    const pipeline = await this.pipelines.activate(key, version);
    this.catalog.invalidate(key);
    return this.toView(pipeline);
  }

  async rollback(key: string): Promise<PipelineView> {
    const pipeline = await this.pipelines.rollback(key);
    if (!pipeline)
      throw new PipelinesError(
        PipelinesErrorCode.NoEarlierVersion,
        `Pipeline "${key}" has no earlier active version to roll back to`,
      );
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
