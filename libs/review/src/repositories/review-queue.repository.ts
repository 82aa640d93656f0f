import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Review queues and who may work in them. */
@Injectable()
export class ReviewQueueRepository {
  constructor(private readonly db: DataSource) {}

  async register(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.db.query(
      `INSERT INTO review_queues (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [names],
    );
  }

  async all(): Promise<string[]> {
    const rows: { name: string }[] = await this.db.query(
      `SELECT name FROM review_queues ORDER BY name`,
    );
    return rows.map((r) => r.name);
  }

  async queuesOf(userId: string): Promise<string[]> {
    const rows: { queue: string }[] = await this.db.query(
      `SELECT queue FROM queue_memberships WHERE user_id = $1 ORDER BY queue`,
      [userId],
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

  /** Whether a person may act on a queue's tasks: a member of it, or a lead or admin (who see every queue). */
  async canWorkOn(userId: string, queue: string): Promise<boolean> {
    const rows: { ok: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM queue_memberships WHERE user_id = $1 AND queue = $2)
           OR EXISTS (SELECT 1 FROM users WHERE id = $1 AND role IN ('lead', 'admin')) AS ok`,
      [userId, queue],
    );
    return rows[0]?.ok === true;
  }

  /** Replaces a user's memberships; unknown queue names are registered. */
  async setMemberships(userId: string, queues: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO review_queues (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
        [queues],
      );
      await tx.query(`DELETE FROM queue_memberships WHERE user_id = $1`, [userId]);
      await tx.query(
        `INSERT INTO queue_memberships (user_id, queue) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [userId, queues],
      );
    });
  }
}
