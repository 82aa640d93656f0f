import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many times a regression run was put back on its queue after its worker died or its job
 * was lost: the recovery resumes a run a bounded number of times, then fails it with the reason.
 */
export class RegressionRunResumes1796473830009 implements MigrationInterface {
  name = 'RegressionRunResumes1796473830009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE regression_runs ADD COLUMN resumes int NOT NULL DEFAULT 0`);
    // The recovery reads the runs that have not finished; finished ones leave the index.
    await q.query(`CREATE INDEX ix_regression_runs_unfinished ON regression_runs (created_at)
      WHERE status IN ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_regression_runs_unfinished`);
    await q.query(`ALTER TABLE regression_runs DROP COLUMN IF EXISTS resumes`);
  }
}
