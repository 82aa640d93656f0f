import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenID Connect Back-Channel Logout: which Arbiter session (refresh-token family) a single
 * sign-on started, under which provider session (`sid` of the ID token) and provider subject,
 * so a logout token from the provider names the sessions to revoke.
 */
export class SsoSessions1796600000000 implements MigrationInterface {
  name = 'SsoSessions1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_sessions (
        family_id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        issuer text NOT NULL,
        subject text NOT NULL,
        sid text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_sso_sessions_sid ON sso_sessions (issuer, sid)`);
    await q.query(`CREATE INDEX ix_sso_sessions_user ON sso_sessions (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sso_sessions`);
  }
}
