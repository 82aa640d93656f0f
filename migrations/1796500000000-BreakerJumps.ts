import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The automation breaker's jump trips count each pipeline's AI-reviewer calls per window
 * (docs/self-checking.md): an index so that count reads the window, not the whole table.
 */
export class BreakerJumps1796500000000 implements MigrationInterface {
  name = 'BreakerJumps1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_ai_review_calls_pipeline_created_at ON ai_review_calls (pipeline_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_ai_review_calls_pipeline_created_at`);
  }
}
