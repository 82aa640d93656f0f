import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { WorkflowError, WorkflowErrorCode } from './workflow.errors';
import { DataSource, EntityManager } from 'typeorm';
import {
  ColumnMap,
  DEFAULT_WORKSPACE_ID,
  PipelineEntity,
  PolicyVersionEntity,
  selectList,
} from '@arbiter/persistence';

/** Raised when a pipeline or version named by the caller does not exist. */
export class PipelineNotFound extends WorkflowError {
  constructor(what: string) {
    super(WorkflowErrorCode.PipelineNotFound, `${what} not found`);
  }
}

export interface NewPolicyVersion {
  pipelineKey: string;
  document: Record<string, unknown>;
  checksum: string;
  source: string;
  activate: boolean;
  /**
   * The workspace a new pipeline is created in (default: the default workspace), and the one an
   * existing pipeline must be of (null or absent: any, a platform admin's change).
   */
  workspace?: { create: string; scope: string | null };
}

/** A pipeline with an active version, and that version's id. */
export interface ActivePipelineRow {
  id: string;
  key: string;
  activeVersionId: string;
}

/** Where each field of ActivePipelineRow lives: the pipeline `p` and its active version `v`. */
const ACTIVE_PIPELINE_COLUMN_MAP: ColumnMap<ActivePipelineRow> = {
  id: 'p.id',
  key: 'p.key',
  activeVersionId: 'v.id',
};
const ACTIVE_PIPELINE = selectList(ACTIVE_PIPELINE_COLUMN_MAP);

/** Pipelines and their immutable policy versions; every change runs under a row lock on the pipeline. */
@Injectable()
export class PipelineRepository {
  constructor(private readonly db: DataSource) {}

  findByKey(key: string): Promise<PipelineEntity | null> {
    return this.db.getRepository(PipelineEntity).findOneBy({ key });
  }

  /** Every pipeline that has an active version, with that version's id. */
  listActive(): Promise<ActivePipelineRow[]> {
    return this.db.query(
      `SELECT ${ACTIVE_PIPELINE}
         FROM pipelines p JOIN policy_versions v ON v.pipeline_id = p.id AND v.version = p.active_version
        ORDER BY p.key`,
    );
  }

  listVersions(pipelineId: string): Promise<PolicyVersionEntity[]> {
    return this.db.getRepository(PolicyVersionEntity).find({
      where: { pipelineId },
      order: { version: 'ASC' },
    });
  }

  findVersionById(id: string): Promise<PolicyVersionEntity | null> {
    return this.db.getRepository(PolicyVersionEntity).findOneBy({ id });
  }

  findVersion(pipelineId: string, version: number): Promise<PolicyVersionEntity | null> {
    return this.db.getRepository(PolicyVersionEntity).findOneBy({ pipelineId, version });
  }

  /**
   * Adds a version (creating the pipeline on first use). When the newest version already has the
   * same checksum, nothing is added and that version is returned with created=false.
   */
  async addVersion(
    v: NewPolicyVersion,
  ): Promise<{ version: PolicyVersionEntity; created: boolean }> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO pipelines (id, key, workspace_id) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
        [randomUUID(), v.pipelineKey, v.workspace?.create ?? DEFAULT_WORKSPACE_ID],
      );
      const pipeline = await this.lock(tx, v.pipelineKey);
      // Another workspace took the key meanwhile: to this caller, there is no such pipeline.
      const scope = v.workspace?.scope ?? null;
      if (scope !== null && pipeline.workspaceId !== scope)
        throw new PipelineNotFound(`pipeline "${v.pipelineKey}"`);
      const latest = await tx.getRepository(PolicyVersionEntity).findOne({
        where: { pipelineId: pipeline.id },
        order: { version: 'DESC' },
      });
      if (latest && latest.checksum === v.checksum) {
        if (v.activate && pipeline.activeVersion !== latest.version) {
          await this.setActive(tx, pipeline, latest.version);
        }
        return { version: latest, created: false };
      }
      const version = tx.getRepository(PolicyVersionEntity).create({
        id: randomUUID(),
        pipelineId: pipeline.id,
        version: (latest?.version ?? 0) + 1,
        document: v.document,
        checksum: v.checksum,
        source: v.source,
      });
      await tx.getRepository(PolicyVersionEntity).save(version);
      if (v.activate) await this.setActive(tx, pipeline, version.version);
      return { version, created: true };
    });
  }

  /** Makes `version` the active one; the previous active version is remembered for rollback. */
  async activate(key: string, version: number): Promise<PipelineEntity> {
    return this.db.transaction(async (tx) => {
      const pipeline = await this.lock(tx, key);
      await this.requireVersion(tx, pipeline, version);
      if (pipeline.activeVersion !== version) await this.setActive(tx, pipeline, version);
      return this.lock(tx, key);
    });
  }

  /** Re-activates the version that was active before the current one; null when there is none. */
  async rollback(key: string): Promise<PipelineEntity | null> {
    return this.db.transaction(async (tx) => {
      const pipeline = await this.lock(tx, key);
      const previous = pipeline.previousVersions.at(-1);
      if (previous === undefined) return null;
      await tx.query(
        `UPDATE pipelines SET active_version = $2, previous_versions = previous_versions[1:array_length(previous_versions, 1) - 1],
           split_version = NULLIF(split_version, $2), split_percent = CASE WHEN split_version = $2 THEN NULL ELSE split_percent END,
           updated_at = now() WHERE id = $1`,
        [pipeline.id, previous],
      );
      return this.lock(tx, key);
    });
  }

  /** Sends `percent` % of new submissions to `version` (A/B); percent 0 clears the split. */
  async split(key: string, version: number, percent: number): Promise<PipelineEntity> {
    return this.db.transaction(async (tx) => {
      const pipeline = await this.lock(tx, key);
      await this.requireVersion(tx, pipeline, version);
      const clear = percent === 0;
      await tx.query(
        `UPDATE pipelines SET split_version = $2, split_percent = $3, updated_at = now() WHERE id = $1`,
        [pipeline.id, clear ? null : version, clear ? null : percent],
      );
      return this.lock(tx, key);
    });
  }

  private async lock(tx: EntityManager, key: string): Promise<PipelineEntity> {
    const pipeline = await tx
      .getRepository(PipelineEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.key = :key', { key })
      .getOne();
    if (!pipeline) throw new PipelineNotFound(`pipeline "${key}"`);
    return pipeline;
  }

  private async requireVersion(
    tx: EntityManager,
    pipeline: PipelineEntity,
    version: number,
  ): Promise<void> {
    const found = await tx
      .getRepository(PolicyVersionEntity)
      .existsBy({ pipelineId: pipeline.id, version });
    if (!found) throw new PipelineNotFound(`version ${version} of pipeline "${pipeline.key}"`);
  }

  private async setActive(
    tx: EntityManager,
    pipeline: PipelineEntity,
    version: number,
  ): Promise<void> {
    await tx.query(
      `UPDATE pipelines SET active_version = $2,
         previous_versions = CASE WHEN active_version IS NULL THEN previous_versions
                                  ELSE array_append(previous_versions, active_version) END,
         updated_at = now() WHERE id = $1`,
      [pipeline.id, version],
    );
  }
}
