import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audited calls announced before they run. The api writes an intent (who, what, on what, the
 * state before) before an audited route acts, and turns it into an `audit_entries` row when the
 * outcome is known; an intent left behind (the process died, or appending the entry failed) is
 * turned into an `unconfirmed` entry by the reconciler, so no action goes unrecorded.
 *
 * Intents live in a table of their own so that `audit_entries` stays append-only: an entry is
 * written once, already finished, and its trigger still refuses every UPDATE and DELETE.
 * `status` says how the entry was finished; rows written before it are `done`.
 */
export class AuditIntents1796590000000 implements MigrationInterface {
  name = 'AuditIntents1796590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_intents (
      id uuid PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      actor_role text,
      action text NOT NULL,
      target_kind text NOT NULL,
      target_id text,
      before jsonb,
      request jsonb,
      reason text,
      request_id text,
      ip text,
      workspace_id uuid
    )`);
    // The reconciler reads the oldest intents first.
    await q.query(`CREATE INDEX ix_audit_intents_at ON audit_intents (at)`);
    // ADD COLUMN with a default fills existing rows without an UPDATE (the trigger refuses those).
    await q.query(
      `ALTER TABLE audit_entries ADD COLUMN status text NOT NULL DEFAULT 'done'
         CONSTRAINT ck_audit_entries_status CHECK (status IN ('done', 'failed', 'unconfirmed'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_entries DROP COLUMN IF EXISTS status`);
    await q.query(`DROP TABLE IF EXISTS audit_intents`);
  }
}
