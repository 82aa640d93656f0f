import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default workspace's id: fixed, so code, tests and every replica agree on it. */
const DEFAULT_WORKSPACE_ID = '00000000-0000-4000-a000-000000000001';

/** The tables a workspace owns directly; the rest hang off them (see docs/workspaces.md). */
const OWNED = ['pipelines', 'clients', 'review_queues', 'prompts'];

/**
 * Workspaces: pipelines, clients (and so their API keys, webhooks and submissions), review queues
 * and prompts belong to one; datasets follow their pipeline. People hold a role per workspace in
 * workspace_members. Everything that exists moves into the `default` workspace, and every user
 * becomes a member of it with the role they had. A row inserted without a workspace lands in
 * `default` too (the column's default): what a deployment did before workspaces.
 */
export class Workspaces1796540000000 implements MigrationInterface {
  name = 'Workspaces1796540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        key text NOT NULL CONSTRAINT ck_workspaces_key CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ux_workspaces_key ON workspaces (key)`);
    await q.query(`INSERT INTO workspaces (id, key, name) VALUES ($1, 'default', 'Default')`, [
      DEFAULT_WORKSPACE_ID,
    ]);
    await q.query(`
      CREATE TABLE workspace_members (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT ck_workspace_members_role CHECK (role IN ('reviewer', 'lead', 'admin')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_workspace_members_user ON workspace_members (user_id)`);
    await q.query(
      `INSERT INTO workspace_members (workspace_id, user_id, role) SELECT $1, id, role FROM users`,
      [DEFAULT_WORKSPACE_ID],
    );
    for (const table of OWNED) {
      // A constant default fills the existing rows without rewriting them (PostgreSQL ≥ 11).
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN workspace_id uuid NOT NULL DEFAULT '${DEFAULT_WORKSPACE_ID}'
           REFERENCES workspaces(id)`,
      );
      await q.query(`CREATE INDEX ix_${table}_workspace ON ${table} (workspace_id)`);
    }
    // The audit log is append-only (its trigger refuses UPDATE): ADD COLUMN with a default fills
    // the existing entries without an UPDATE; dropping the default then leaves new entries to
    // say their own workspace (null: a platform admin's action across workspaces). No foreign
    // key, as for the rest of the log: an entry outlives what it names.
    await q.query(
      `ALTER TABLE audit_entries ADD COLUMN workspace_id uuid DEFAULT '${DEFAULT_WORKSPACE_ID}'`,
    );
    await q.query(`ALTER TABLE audit_entries ALTER COLUMN workspace_id DROP DEFAULT`);
    await q.query(
      `CREATE INDEX ix_audit_entries_workspace ON audit_entries (workspace_id, at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_audit_entries_workspace`);
    await q.query(`ALTER TABLE audit_entries DROP COLUMN IF EXISTS workspace_id`);
    for (const table of OWNED)
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS workspace_id`);
    await q.query(`DROP TABLE IF EXISTS workspace_members`);
    await q.query(`DROP TABLE IF EXISTS workspaces`);
  }
}
