import { Injectable } from '@nestjs/common';
import {
  ColumnMap,
  DEFAULT_WORKSPACE_ID,
  jsonOrNull,
  pickColumns,
  queryRows,
  selectList,
} from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PromptSplit } from '../resolve/ab-split';
import { PromptModelSettings, RollbackSettings } from './prompt-document';
import { PromptTemplate } from './prompt-template';

export interface PromptRow {
  id: string;
  key: string;
  description: string | null;
  split: PromptSplit | null;
  rollback: Partial<RollbackSettings>;
  createdAt: Date;
  updatedAt: Date;
  /** The workspace the prompt belongs to. */
  workspaceId: string;
}

export interface PromptVersionRow {
  id: string;
  promptId: string;
  version: number;
  template: PromptTemplate;
  variables: Record<string, unknown>;
  model: PromptModelSettings;
  notes: string | null;
  author: string;
  source: string;
  checksum: string;
  createdAt: Date;
}

export interface PromptLabelRow {
  label: string;
  versionId: string;
  version: number;
  previousVersionId: string | null;
  updatedAt: Date;
}

export type PromptEventKind = 'version_created' | 'label_moved' | 'split_set' | 'rolled_back';

export interface PromptEventRow {
  id: string;
  kind: PromptEventKind;
  label: string | null;
  fromVersionId: string | null;
  toVersionId: string | null;
  cause: string;
  figures: Record<string, number>;
  actor: string;
  createdAt: Date;
}

export interface PromptEventNote {
  promptId: string;
  kind: PromptEventKind;
  label?: string | null;
  fromVersionId?: string | null;
  toVersionId?: string | null;
  cause: string;
  figures?: Record<string, number>;
  actor: string;
}

export interface NewPromptVersion {
  checksum: string;
  template: PromptTemplate;
  variables: Record<string, unknown>;
  model: PromptModelSettings;
  notes: string | null;
  author: string;
  source: string;
}

type Db = DataSource | EntityManager;

/** Where each field of PromptRow lives in `prompts`. */
const PROMPT_COLUMN_MAP: ColumnMap<PromptRow> = {
  id: 'id',
  key: 'key',
  description: 'description',
  split: 'split',
  rollback: 'rollback',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  workspaceId: 'workspace_id',
};
const PROMPT = selectList(PROMPT_COLUMN_MAP);

/** Where each field of PromptVersionRow lives in `prompt_versions` (read as `v`). */
const VERSION_COLUMN_MAP: ColumnMap<PromptVersionRow> = {
  id: 'id',
  promptId: 'prompt_id',
  version: 'version',
  template: 'template',
  variables: 'variables',
  model: 'model',
  notes: 'notes',
  author: 'author',
  source: 'source',
  checksum: 'checksum',
  createdAt: 'created_at',
};
const VERSION = selectList(VERSION_COLUMN_MAP, { table: 'v' });

/** Where each field of PromptLabelRow lives: the label `l` and the version `v` it points at. */
const LABEL_COLUMN_MAP: ColumnMap<PromptLabelRow> = {
  label: 'l.label',
  versionId: 'l.version_id',
  version: 'v.version',
  previousVersionId: 'l.previous_version_id',
  updatedAt: 'l.updated_at',
};
const LABEL = selectList(LABEL_COLUMN_MAP);
const LABEL_VERSION_ID = selectList(pickColumns(LABEL_COLUMN_MAP, ['versionId'] as const));

/** Where each field of PromptEventRow lives in `prompt_events` (the id is a bigint, read as text). */
const EVENT_COLUMN_MAP: ColumnMap<PromptEventRow> = {
  id: 'id::text',
  kind: 'kind',
  label: 'label',
  fromVersionId: 'from_version_id',
  toVersionId: 'to_version_id',
  cause: 'cause',
  figures: 'figures',
  actor: 'actor',
  createdAt: 'created_at',
};
const EVENT = selectList(EVENT_COLUMN_MAP);

/** The registry's tables: prompts, their immutable versions, labels and the history of every move. */
@Injectable()
export class PromptRepository {
  constructor(readonly db: DataSource) {}

  async findByKey(key: string, db: Db = this.db): Promise<PromptRow | null> {
    const [row] = await queryRows<PromptRow>(db, `SELECT ${PROMPT} FROM prompts WHERE key = $1`, [
      key,
    ]);
    return row ?? null;
  }

  /** The prompts of a workspace (null: of every workspace). */
  list(workspaceId: string | null = null): Promise<PromptRow[]> {
    return queryRows<PromptRow>(
      this.db,
      `SELECT ${PROMPT} FROM prompts WHERE ($1::uuid IS NULL OR workspace_id = $1) ORDER BY key`,
      [workspaceId],
    );
  }

  /** The prompt, created if new, locked for the rest of the transaction (versions are numbered under it). */
  async lockOrCreate(
    tx: EntityManager,
    key: string,
    description: string | undefined,
    rollback: Partial<RollbackSettings> | undefined,
    workspace: { create: string; scope: string | null } = {
      create: DEFAULT_WORKSPACE_ID,
      scope: null,
    },
  ): Promise<PromptRow | null> {
    // A new prompt is of workspace.create; an existing one changes only within workspace.scope
    // (null: any). Null when the key is another workspace's.
    await tx.query(
      `INSERT INTO prompts (id, key, description, rollback, workspace_id) VALUES ($1, $2, $3, coalesce($4::jsonb, '{}'), $5)
       ON CONFLICT (key) DO UPDATE SET description = coalesce(EXCLUDED.description, prompts.description),
         rollback = CASE WHEN $4::jsonb IS NULL THEN prompts.rollback ELSE EXCLUDED.rollback END, updated_at = now()
         WHERE $6::uuid IS NULL OR prompts.workspace_id = $6`,
      [
        randomUUID(),
        key,
        description ?? null,
        jsonOrNull(rollback),
        workspace.create,
        workspace.scope,
      ],
    );
    const [row] = await queryRows<PromptRow>(
      tx,
      `SELECT ${PROMPT} FROM prompts WHERE key = $1 AND ($2::uuid IS NULL OR workspace_id = $2) FOR UPDATE`,
      [key, workspace.scope],
    );
    return row ?? null;
  }

  /** Adds the next version unless the latest has the same checksum; returns it and whether it is new. */
  async addVersion(
    tx: EntityManager,
    promptId: string,
    v: NewPromptVersion,
  ): Promise<{ version: PromptVersionRow; created: boolean }> {
    const [latest] = await queryRows<PromptVersionRow>(
      tx,
      `SELECT ${VERSION} FROM prompt_versions v WHERE v.prompt_id = $1 ORDER BY v.version DESC LIMIT 1`,
      [promptId],
    );
    if (latest && latest.checksum === v.checksum) return { version: latest, created: false };
    const [row] = await queryRows<PromptVersionRow>(
      tx,
      `INSERT INTO prompt_versions AS v (id, prompt_id, version, template, variables, model, notes, author, source, checksum)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${VERSION}`,
      [
        randomUUID(),
        promptId,
        (latest?.version ?? 0) + 1,
        JSON.stringify(v.template),
        JSON.stringify(v.variables),
        JSON.stringify(v.model),
        v.notes,
        v.author,
        v.source,
        v.checksum,
      ],
    );
    return { version: row, created: true };
  }

  versions(promptId: string): Promise<PromptVersionRow[]> {
    return queryRows<PromptVersionRow>(
      this.db,
      `SELECT ${VERSION} FROM prompt_versions v WHERE v.prompt_id = $1 ORDER BY v.version`,
      [promptId],
    );
  }

  async version(promptId: string, version: number): Promise<PromptVersionRow | null> {
    const [row] = await queryRows<PromptVersionRow>(
      this.db,
      `SELECT ${VERSION} FROM prompt_versions v WHERE v.prompt_id = $1 AND v.version = $2`,
      [promptId, version],
    );
    return row ?? null;
  }

  async versionById(id: string): Promise<PromptVersionRow | null> {
    const [row] = await queryRows<PromptVersionRow>(
      this.db,
      `SELECT ${VERSION} FROM prompt_versions v WHERE v.id = $1`,
      [id],
    );
    return row ?? null;
  }

  labels(promptId: string, db: Db = this.db): Promise<PromptLabelRow[]> {
    return queryRows<PromptLabelRow>(
      db,
      `SELECT ${LABEL}
         FROM prompt_labels l JOIN prompt_versions v ON v.id = l.version_id WHERE l.prompt_id = $1 ORDER BY l.label`,
      [promptId],
    );
  }

  /**
   * Points a label at a version. With `expectedVersionId`, only if the label still points there
   * (an automatic rollback never undoes a move an admin made meanwhile). True when it moved.
   */
  async moveLabel(
    tx: EntityManager,
    note: PromptEventNote & { label: string; toVersionId: string },
    expectedVersionId?: string,
  ): Promise<boolean> {
    const [current] = await queryRows<Pick<PromptLabelRow, 'versionId'>>(
      tx,
      `SELECT ${LABEL_VERSION_ID} FROM prompt_labels l WHERE l.prompt_id = $1 AND l.label = $2 FOR UPDATE`,
      [note.promptId, note.label],
    );
    if (expectedVersionId !== undefined && current?.versionId !== expectedVersionId) return false;
    if (current?.versionId === note.toVersionId) return false;
    await tx.query(
      `INSERT INTO prompt_labels (prompt_id, label, version_id, previous_version_id) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (prompt_id, label) DO UPDATE SET previous_version_id = prompt_labels.version_id, version_id = EXCLUDED.version_id, updated_at = now()`,
      [note.promptId, note.label, note.toVersionId],
    );
    await this.record(tx, { ...note, fromVersionId: current?.versionId ?? null });
    return true;
  }

  async setSplit(tx: EntityManager, promptId: string, split: PromptSplit | null): Promise<void> {
    await tx.query(`UPDATE prompts SET split = $2, updated_at = now() WHERE id = $1`, [
      promptId,
      jsonOrNull(split),
    ]);
  }

  async record(db: Db, n: PromptEventNote): Promise<void> {
    await db.query(
      `INSERT INTO prompt_events (prompt_id, kind, label, from_version_id, to_version_id, cause, figures, actor, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())`,
      [
        n.promptId,
        n.kind,
        n.label ?? null,
        n.fromVersionId ?? null,
        n.toVersionId ?? null,
        n.cause,
        JSON.stringify(n.figures ?? {}),
        n.actor,
      ],
    );
  }

  events(promptId: string, limit: number): Promise<PromptEventRow[]> {
    return queryRows<PromptEventRow>(
      this.db,
      `SELECT ${EVENT}
         FROM prompt_events WHERE prompt_id = $1 ORDER BY id DESC LIMIT $2`,
      [promptId, limit],
    );
  }
}
