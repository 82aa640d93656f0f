import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one row per administrative or lead action (who, what, on what, the state before
 * and after, why, from where). Append-only: a statement-level trigger refuses UPDATE, DELETE and
 * TRUNCATE, so not even a bug (or a person with the application's credentials) rewrites history.
 * No foreign keys: an entry outlives the user, key or pipeline it names.
 */
export class AuditLog1796473840000 implements MigrationInterface {
  name = 'AuditLog1796473840000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_entries (
      id uuid PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_role text,
      action text NOT NULL,
      target_kind text NOT NULL,
      target_id text,
      before jsonb,
      after jsonb,
      request jsonb,
      reason text,
      request_id text,
      ip text
    )`);
    // The log is read newest first, whole or by actor or action, then paged on (at, id).
    await q.query(`CREATE INDEX ix_audit_entries_at ON audit_entries (at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_audit_entries_actor ON audit_entries (actor_id, at DESC)`);
    await q.query(`CREATE INDEX ix_audit_entries_action ON audit_entries (action, at DESC)`);
    await q.query(`CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    // Statement-level, so that even an UPDATE or DELETE matching no row is refused.
    await q.query(`CREATE TRIGGER audit_entries_append_only
      BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_entries`);
    await q.query(`DROP FUNCTION IF EXISTS audit_entries_append_only()`);
  }
}
