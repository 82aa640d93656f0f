import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Review queues and who may work in them. */
@Injectable()
export class ReviewQueueRepository {
  constructor(private readonly db: DataSource) {}

  async register(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.db.query(`INSERT INTO review_queues (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [names]);
  }

  async all(): Promise<string[]> {
    const rows: { name: string }[] = await this.db.query(`SELECT name FROM review_queues ORDER BY name`);
    return rows.map((r) => r.name);
  }

  async queuesOf(userId: string): Promise<string[]> {
    const rows: { queue: string }[] = await this.db.query(
      `SELECT queue FROM queue_memberships WHERE user_id = $1 ORDER BY queue`,
      [userId],
    );
    return rows.map((r) => r.queue);
  }

  /** Replaces a user's memberships; unknown queue names are registered. */
  async setMemberships(userId: string, queues: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO review_queues (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [queues]);
      await tx.query(`DELETE FROM queue_memberships WHERE user_id = $1`, [userId]);
      await tx.query(
        `INSERT INTO queue_memberships (user_id, queue) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
        [userId, queues],
      );
    });
  }
}
