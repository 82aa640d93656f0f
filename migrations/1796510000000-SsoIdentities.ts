import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on: which provider account (issuer and subject, never the email, which a provider
 * may reassign) is which user; people who only sign in through the provider have no password.
 */
export class SsoIdentities1796510000000 implements MigrationInterface {
  name = 'SsoIdentities1796510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`
      CREATE TABLE user_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_user_identities PRIMARY KEY (issuer, subject)
      )`);
    await q.query(`CREATE INDEX ix_user_identities_user ON user_identities (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS user_identities`);
    await q.query(`DELETE FROM users WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
