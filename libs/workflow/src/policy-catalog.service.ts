import { Injectable } from '@nestjs/common';
import { PipelineRepository } from './pipeline.repository';
import { PolicyVersionEntity } from '@arbiter/persistence';
import { chooseVersion, Policy } from '@arbiter/policy';

export interface CatalogVersion {
  id: string;
  pipelineId: string;
  pipelineKey: string;
  version: number;
  policy: Policy;
}

interface IntakeEntry {
  pipelineId: string;
  workspaceId: string;
  activeVersion: number | null;
  split: { version: number; percent: number } | null;
  expires: number;
}

// Intake resolves the pipeline on every submission. Activation changes are picked up by other
// replicas within this time; the replica that made the change forgets at once (invalidate).
const INTAKE_TTL_MS = 1000;

/** Policy versions by id (immutable, cached for good) and each pipeline's current version choice. */
@Injectable()
export class PolicyCatalog {
  private readonly versionsById = new Map<string, Promise<CatalogVersion | null>>();
  private readonly versionsByNumber = new Map<string, string>();
  private readonly intake = new Map<string, IntakeEntry>();

  constructor(private readonly pipelines: PipelineRepository) {}

  /** A policy version by id; versions never change, so they are cached for the process lifetime. */
  versionById(id: string): Promise<CatalogVersion | null> {
    let found = this.versionsById.get(id);
    if (!found) {
      found = this.pipelines.findVersionById(id).then((row) => (row ? this.toCatalog(row) : null));
      found
        .then((v) => v === null && this.versionsById.delete(id))
        .catch(() => this.versionsById.delete(id));
      this.versionsById.set(id, found);
    }
    return found;
  }

  /**
   * The policy version that judges a new submission to `pipelineKey` (A/B split applied), or
   * null when the pipeline does not exist, is of another workspace than `workspaceId` (when
   * given: the submitting client's), or has no active version.
   */
  async versionForSubmission(
    pipelineKey: string,
    submissionId: string,
    workspaceId?: string,
  ): Promise<CatalogVersion | null> {
    const entry = await this.intakeEntry(pipelineKey);
    if (!entry || entry.activeVersion === null) return null;
    if (workspaceId !== undefined && entry.workspaceId !== workspaceId) return null;
    const number = chooseVersion(submissionId, {
      activeVersion: entry.activeVersion,
      split: entry.split,
    });
    const cacheKey = `${entry.pipelineId}:${number}`;
    const knownId = this.versionsByNumber.get(cacheKey);
    if (knownId) return this.versionById(knownId);
    const row = await this.pipelines.findVersion(entry.pipelineId, number);
    if (!row) return null;
    this.versionsByNumber.set(cacheKey, row.id);
    return this.versionById(row.id);
  }

  /** Forgets the cached version choice of a pipeline after a change made by this process. */
  invalidate(pipelineKey: string): void {
    this.intake.delete(pipelineKey);
  }

  /** Forgets everything cached (tests that truncate tables; an operator's manual repair). */
  clear(): void {
    this.intake.clear();
    this.versionsById.clear();
    this.versionsByNumber.clear();
  }

  private async intakeEntry(key: string): Promise<IntakeEntry | null> {
    const cached = this.intake.get(key);
    if (cached && cached.expires > Date.now()) return cached;
    const pipeline = await this.pipelines.findByKey(key);
    if (!pipeline) {
      this.intake.delete(key);
      return null;
    }
    const entry: IntakeEntry = {
      pipelineId: pipeline.id,
      workspaceId: pipeline.workspaceId,
      activeVersion: pipeline.activeVersion,
      split:
        pipeline.splitVersion !== null && pipeline.splitPercent !== null
          ? { version: pipeline.splitVersion, percent: pipeline.splitPercent }
          : null,
      expires: Date.now() + INTAKE_TTL_MS,
    };
    this.intake.set(key, entry);
    return entry;
  }

  private async toCatalog(row: PolicyVersionEntity): Promise<CatalogVersion> {
    const policy = row.document as unknown as Policy;
    return {
      id: row.id,
      pipelineId: row.pipelineId,
      pipelineKey: policy.pipeline,
      version: row.version,
      policy,
    };
  }
}
