import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing by skill: the skills a review task needs (the submission's language, when its policy's
 * `review.skills` lists it), and from when, if the policy allows it, any reviewer of the queue
 * may take it because nobody with the skill did.
 */
export class SkillRouting1796473850000 implements MigrationInterface {
  name = 'SkillRouting1796473850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE review_tasks ADD COLUMN required_skills text[] NOT NULL DEFAULT '{}'`,
    );
    await q.query(`ALTER TABLE review_tasks ADD COLUMN skill_fallback_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_tasks DROP COLUMN IF EXISTS skill_fallback_at`);
    await q.query(`ALTER TABLE review_tasks DROP COLUMN IF EXISTS required_skills`);
  }
}
