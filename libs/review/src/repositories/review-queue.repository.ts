import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthError, AuthErrorCode } from '@arbiter/auth';
import { DEFAULT_WORKSPACE_ID } from '@arbiter/persistence';

/**
 * Review queues and who may work in them. A queue belongs to one workspace (the one whose
 * policy or admin first named it); queue names are unique across workspaces, like pipeline keys.
 */
@Injectable()
export class ReviewQueueRepository {
  constructor(private readonly db: DataSource) {}

  /** Registers queues in a workspace; a name another workspace holds is refused (409). */
  async register(names: string[], workspaceId: string = DEFAULT_WORKSPACE_ID): Promise<void> {
    if (names.length === 0) return;
    await this.db.query(
      `INSERT INTO review_queues (name, workspace_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
      [names, workspaceId],
    );
    await this.refuseForeign(names, workspaceId);
  }

  /** The names among these that another workspace holds. */
  async heldElsewhere(names: string[], workspaceId: string): Promise<string[]> {
    if (names.length === 0) return [];
    const rows: { name: string }[] = await this.db.query(
      `SELECT name FROM review_queues WHERE name = ANY($1::text[]) AND workspace_id <> $2 ORDER BY name`,
      [names, workspaceId],
    );
    return rows.map((r) => r.name);
  }

  /** Every queue of a workspace (null: of every workspace). */
  async all(workspaceId: string | null = null): Promise<string[]> {
    const rows: { name: string }[] = await this.db.query(
      `SELECT name FROM review_queues WHERE ($1::uuid IS NULL OR workspace_id = $1) ORDER BY name`,
      [workspaceId],
    );
    return rows.map((r) => r.name);
  }

  /** The workspace a queue belongs to, or null when there is no such queue. */
  async workspaceOf(queue: string): Promise<string | null> {
    const rows: { w: string }[] = await this.db.query(
      `SELECT workspace_id AS w FROM review_queues WHERE name = $1`,
      [queue],
    );
    return rows[0]?.w ?? null;
  }

  /** The queues a person is a member of, of one workspace when given one. */
  async queuesOf(userId: string, workspaceId: string | null = null): Promise<string[]> {
    const rows: { queue: string }[] = await this.db.query(
      `SELECT m.queue FROM queue_memberships m JOIN review_queues q ON q.name = m.queue
        WHERE m.user_id = $1 AND ($2::uuid IS NULL OR q.workspace_id = $2) ORDER BY m.queue`,
      [userId, workspaceId],
    );
    return rows.map((r) => r.queue);
  }

  /** The skills (languages) a person reads, lower-cased: routing by skill compares them. */
  async skillsOf(userId: string): Promise<string[]> {
    const rows: { skills: string[] }[] = await this.db.query(
      `SELECT skills FROM users WHERE id = $1`,
      [userId],
    );
    return (rows[0]?.skills ?? []).map((s) => s.trim().toLowerCase());
  }

  /**
   * Whether a person may act on a queue's tasks: a member of it, a lead or admin of its
   * workspace (who see every queue there), or a platform admin.
   */
  async canWorkOn(userId: string, queue: string): Promise<boolean> {
    const rows: { ok: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM queue_memberships WHERE user_id = $1 AND queue = $2)
           OR EXISTS (SELECT 1 FROM users WHERE id = $1 AND role = 'admin')
           OR EXISTS (SELECT 1 FROM workspace_members m JOIN review_queues q ON q.workspace_id = m.workspace_id
                       WHERE m.user_id = $1 AND q.name = $2 AND m.role IN ('lead', 'admin')) AS ok`,
      [userId, queue],
    );
    return rows[0]?.ok === true;
  }

  /**
   * Replaces a person's memberships of a workspace's queues (null: of every queue, a platform
   * admin's edit); unknown queue names are registered in that workspace (the default one for
   * null), a name another workspace holds is refused.
   */
  async setMemberships(
    userId: string,
    queues: string[],
    workspaceId: string | null,
  ): Promise<void> {
    if (workspaceId !== null) await this.refuseForeign(queues, workspaceId);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO review_queues (name, workspace_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
        [queues, workspaceId ?? DEFAULT_WORKSPACE_ID],
      );
      await tx.query(
        `DELETE FROM queue_memberships m USING review_queues q
          WHERE m.user_id = $1 AND q.name = m.queue AND ($2::uuid IS NULL OR q.workspace_id = $2)`,
        [userId, workspaceId],
      );
      await tx.query(
        `INSERT INTO queue_memberships (user_id, queue) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [userId, queues],
      );
    });
  }

  private async refuseForeign(names: string[], workspaceId: string): Promise<void> {
    const taken = await this.heldElsewhere(names, workspaceId);
    if (taken.length > 0)
      throw new AuthError(
        AuthErrorCode.NameInOtherWorkspace,
        `The queue "${taken[0]}" is taken: queue names are unique across workspaces, choose another`,
      );
  }
}
