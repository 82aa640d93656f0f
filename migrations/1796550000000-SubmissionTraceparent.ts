import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C traceparent of a submission's intake span (null while tracing is off): a webhook
 * delivery may be enqueued by any process (a human decision in the api, the reconciler, a
 * replay), so it reads the caller's trace from the row rather than from a job.
 */
export class SubmissionTraceparent1796550000000 implements MigrationInterface {
  name = 'SubmissionTraceparent1796550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submissions ADD COLUMN traceparent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE submissions DROP COLUMN traceparent`);
  }
}
