import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh tokens, one row per token issued: a login starts a family, each refresh uses its token
 * (used_at) and issues the next one in the family. A token used twice is a replay (stolen or
 * raced): the whole family is revoked, and with it the access tokens that name the family.
 */
export class AuthSessions1764189000000 implements MigrationInterface {
  name = 'AuthSessions1764189000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS refresh_tokens`);
  }
}
