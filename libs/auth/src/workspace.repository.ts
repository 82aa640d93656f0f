import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_WORKSPACE_ID,
  DEFAULT_WORKSPACE_KEY,
  queryRows,
  UserRole,
} from '@arbiter/persistence';

export interface WorkspaceRow {
  id: string;
  key: string;
  name: string;
  createdAt: Date;
}

/** A person's role in a workspace. */
export interface Membership {
  workspaceId: string;
  key: string;
  name: string;
  role: UserRole;
}

/** A member of a workspace. */
export interface MemberRow {
  userId: string;
  role: UserRole;
}

/** Workspaces and who holds which role in each. */
@Injectable()
export class WorkspaceRepository {
  constructor(private readonly db: DataSource) {}

  list(): Promise<(WorkspaceRow & { members: number })[]> {
    return queryRows(
      this.db,
      `SELECT w.id, w.key, w.name, w.created_at AS "createdAt",
              (SELECT count(*)::int FROM workspace_members m WHERE m.workspace_id = w.id) AS members
         FROM workspaces w ORDER BY w.key`,
    );
  }

  async findByKey(key: string): Promise<WorkspaceRow | null> {
    const rows = await queryRows<WorkspaceRow>(
      this.db,
      `SELECT id, key, name, created_at AS "createdAt" FROM workspaces WHERE key = $1`,
      [key],
    );
    return rows[0] ?? null;
  }

  /** Makes sure the default workspace exists (the migration made it; a test may have emptied the table). */
  async ensureDefault(): Promise<void> {
    await this.db.query(
      `INSERT INTO workspaces (id, key, name) VALUES ($1, $2, 'Default') ON CONFLICT DO NOTHING`,
      [DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_KEY],
    );
  }

  /** Creates a workspace; false when the key is taken. */
  async create(w: { id: string; key: string; name: string }): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO workspaces (id, key, name) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING id`,
      [w.id, w.key, w.name],
    );
    return rows.length === 1;
  }

  /** Every workspace a person is a member of, with the role there, the oldest membership first. */
  membershipsOf(userId: string): Promise<Membership[]> {
    return queryRows(
      this.db,
      `SELECT m.workspace_id AS "workspaceId", w.key, w.name, m.role
         FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.user_id = $1 ORDER BY m.created_at, w.key`,
      [userId],
    );
  }

  /** The members of a workspace. */
  members(workspaceId: string): Promise<MemberRow[]> {
    return queryRows(
      this.db,
      `SELECT user_id AS "userId", role FROM workspace_members WHERE workspace_id = $1`,
      [workspaceId],
    );
  }

  /** A person's role in a workspace, or null when they are not a member. */
  async roleIn(userId: string, workspaceId: string): Promise<UserRole | null> {
    const rows: { role: UserRole }[] = await this.db.query(
      `SELECT role FROM workspace_members WHERE user_id = $1 AND workspace_id = $2`,
      [userId, workspaceId],
    );
    return rows[0]?.role ?? null;
  }

  /** Adds a member or changes their role. */
  async upsertMember(
    workspaceId: string,
    userId: string,
    role: UserRole,
    tx: EntityManager | DataSource = this.db,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [workspaceId, userId, role],
    );
  }

  /**
   * Removes a member, and their memberships of the workspace's review queues with it; false when
   * they were not a member.
   */
  async removeMember(workspaceId: string, userId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM queue_memberships m USING review_queues q
          WHERE m.user_id = $2 AND q.name = m.queue AND q.workspace_id = $1`,
        [workspaceId, userId],
      );
      const rows = await queryRows(
        tx,
        `DELETE FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 RETURNING user_id`,
        [workspaceId, userId],
      );
      return rows.length === 1;
    });
  }

  /** How many workspaces a person is a member of besides this one. */
  async otherWorkspaces(userId: string, workspaceId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM workspace_members WHERE user_id = $1 AND workspace_id <> $2`,
      [userId, workspaceId],
    );
    return rows[0]?.n ?? 0;
  }
}
