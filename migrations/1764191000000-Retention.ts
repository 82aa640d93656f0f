import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and erasure: when a submission's raw text was erased (by the pipeline's
 * `retention.raw`, or on the client's request), and the indexes that keep the sweep and the
 * erasure by external id index probes whatever the history size.
 */
export class Retention1764191000000 implements MigrationInterface {
  name = 'Retention1764191000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submissions ADD COLUMN erased_at timestamptz`);
    // The sweep reads one pipeline's final, not yet erased submissions, oldest decision first;
    // erased rows leave the index, so it only holds what is still to be erased.
    await q.query(`CREATE INDEX ix_submissions_retention ON submissions (pipeline_id, decided_at)
      WHERE erased_at IS NULL AND status IN ('approved', 'rejected', 'expired')`);
    // Erasure on request finds a client's submissions by the external id it gave them.
    await q.query(`CREATE INDEX ix_submissions_client_external_id ON submissions (client_id, external_id)
      WHERE external_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_submissions_client_external_id`);
    await q.query(`DROP INDEX IF EXISTS ix_submissions_retention`);
    await q.query(`ALTER TABLE submissions DROP COLUMN IF EXISTS erased_at`);
  }
}
