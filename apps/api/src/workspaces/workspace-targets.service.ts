import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthError, AuthErrorCode } from '@arbiter/auth';
import { DatasetsError, DatasetsErrorCode } from '@arbiter/datasets';
import { DomainError } from '@arbiter/errors';
import { PipelinesError, PipelinesErrorCode } from '@arbiter/pipelines';
import { PromptsError, PromptsErrorCode } from '@arbiter/prompts';
import { reviewErrors } from '@arbiter/review';
import { WorkspaceTargetKind } from './in-workspace.decorator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a target is: absent (no such target), or the workspaces it belongs to. */
export type TargetPlace = { kind: 'absent' } | { kind: 'present'; workspaces: string[] };

interface TargetKind {
  /** The ids of this kind are UUIDs: anything else is left to the route's own 400. */
  uuid: boolean;
  /** The workspaces of the target (a person: those they are a member of); none when absent. */
  sql: string;
  /** The route's answer for a target that does not exist. */
  notFound: (id: string) => DomainError;
}

/**
 * Each kind of target: how to find its workspace, and the very error its routes give for an
 * unknown one, so that another workspace's target gets the same answer as no target at all.
 */
const KINDS: Record<WorkspaceTargetKind, TargetKind> = {
  pipeline: {
    uuid: false,
    sql: `SELECT workspace_id AS w FROM pipelines WHERE key = $1`,
    notFound: (key) =>
      new PipelinesError(PipelinesErrorCode.PipelineNotFound, `Pipeline "${key}" not found`),
  },
  prompt: {
    uuid: false,
    sql: `SELECT workspace_id AS w FROM prompts WHERE key = $1`,
    notFound: (key) => new PromptsError(PromptsErrorCode.PromptNotFound, `Unknown prompt "${key}"`),
  },
  dataset: {
    uuid: true,
    sql: `SELECT p.workspace_id AS w FROM datasets d JOIN pipelines p ON p.id = d.pipeline_id WHERE d.id = $1`,
    notFound: (id) => new DatasetsError(DatasetsErrorCode.DatasetNotFound, `No dataset ${id}`),
  },
  queue: {
    uuid: false,
    sql: `SELECT workspace_id AS w FROM review_queues WHERE name = $1`,
    notFound: (name) => reviewErrors.queueNotFound(name),
  },
  client: {
    uuid: true,
    sql: `SELECT workspace_id AS w FROM clients WHERE id = $1`,
    notFound: (id) => new AuthError(AuthErrorCode.ClientNotFound, `Client ${id} not found`),
  },
  'api-key': {
    uuid: true,
    sql: `SELECT c.workspace_id AS w FROM api_keys k JOIN clients c ON c.id = k.client_id WHERE k.id = $1`,
    notFound: (id) => new AuthError(AuthErrorCode.ApiKeyNotFound, `Live API key ${id} not found`),
  },
  user: {
    uuid: true,
    // A person with no membership is still a person: one row with a null workspace.
    sql: `SELECT m.workspace_id AS w FROM users u LEFT JOIN workspace_members m ON m.user_id = u.id WHERE u.id = $1`,
    notFound: (id) => new AuthError(AuthErrorCode.UserNotFound, `User ${id} not found`),
  },
};

/** Finds which workspace a route's target belongs to. */
@Injectable()
export class WorkspaceTargets {
  constructor(private readonly db: DataSource) {}

  /** Null when the id is not of the kind's form (the route's own validation answers it). */
  async place(kind: WorkspaceTargetKind, id: string): Promise<TargetPlace | null> {
    const spec = KINDS[kind];
    if (spec.uuid && !UUID.test(id)) return null;
    const rows: { w: string | null }[] = await this.db.query(spec.sql, [id]);
    if (rows.length === 0) return { kind: 'absent' };
    return {
      kind: 'present',
      workspaces: rows.map((r) => r.w).filter((w): w is string => w !== null),
    };
  }

  notFound(kind: WorkspaceTargetKind, id: string): DomainError {
    return KINDS[kind].notFound(id);
  }
}
