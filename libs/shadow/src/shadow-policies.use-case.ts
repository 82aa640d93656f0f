import { Injectable } from '@nestjs/common';
import { PipelineRepository } from '@arbiter/workflow';
import { ShadowError, ShadowErrorCode } from './shadow.errors';
import { ShadowRepository } from './shadow.repository';

export interface ShadowComparison {
  pipeline: string;
  activeVersion: number | null;
  shadowVersion: number;
  since: Date;
  items: number;
  /** Share of submissions both versions routed the same way. */
  agreement: number | null;
  active: { automationRate: number | null; auditedErrorRate: number | null };
  shadow: {
    automationRate: number | null;
    /** Among audited items it would have approved: the share a person overturned. */
    auditedErrorRate: number | null;
    auditedApprovals: number;
    /** Items it would have approved that a person rejected. */
    approvedButHumanRejected: number;
  };
  humanDecided: number;
  audited: number;
}

/** A candidate policy version scoring live traffic beside the active one, and the comparison shown before activation. */
@Injectable()
export class ShadowPolicies {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly shadows: ShadowRepository,
  ) {}

  async start(key: string, version: number): Promise<ShadowComparison> {
    const pipeline = await this.pipeline(key);
    if (version === pipeline.activeVersion)
      throw new ShadowError(
        ShadowErrorCode.VersionIsActive,
        `Version ${version} is the active one; shadow another version`,
        'version',
      );
    const row =
      version <= 2_147_483_647 ? await this.pipelines.findVersion(pipeline.id, version) : null;
    if (!row)
      throw new ShadowError(
        ShadowErrorCode.VersionNotFound,
        `Pipeline "${key}" has no version ${version}`,
        'version',
      );
    await this.shadows.set(pipeline.id, row.id);
    return this.compare(key);
  }

  async stop(key: string): Promise<void> {
    const pipeline = await this.pipeline(key);
    if (!(await this.shadows.clear(pipeline.id)))
      throw new ShadowError(ShadowErrorCode.NoShadow, `Pipeline "${key}" has no shadow version`);
  }

  async compare(key: string): Promise<ShadowComparison> {
    const pipeline = await this.pipeline(key);
    const shadow = await this.shadows.find(pipeline.id);
    if (!shadow)
      throw new ShadowError(ShadowErrorCode.NoShadow, `Pipeline "${key}" has no shadow version`);
    const c = await this.shadows.counts(shadow.policyVersionId, shadow.since);
    const share = (x: number, n: number) => (n > 0 ? x / n : null);
    return {
      pipeline: key,
      activeVersion: pipeline.activeVersion,
      shadowVersion: shadow.version,
      since: shadow.since,
      items: c.items,
      agreement: share(c.agreed, c.items),
      active: {
        automationRate: share(c.activeApproved, c.items),
        auditedErrorRate: share(c.activeOverturned, c.audited),
      },
      shadow: {
        automationRate: share(c.shadowApproved, c.items),
        auditedErrorRate: share(c.shadowApprovedOverturned, c.shadowApprovedAudited),
        auditedApprovals: c.shadowApprovedAudited,
        approvedButHumanRejected: c.shadowApprovedHumanRejected,
      },
      humanDecided: c.humanDecided,
      audited: c.audited,
    };
  }

  private async pipeline(key: string) {
    const pipeline = /^[a-z0-9][a-z0-9-]{0,62}$/.test(key)
      ? await this.pipelines.findByKey(key)
      : null;
    if (!pipeline)
      throw new ShadowError(ShadowErrorCode.PipelineNotFound, `Unknown pipeline "${key}"`);
    return pipeline;
  }
}
