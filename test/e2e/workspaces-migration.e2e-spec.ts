import { databaseUrl, dropTestDatabase } from '@arbiter/testing';
import { DEFAULT_WORKSPACE_ID } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { migratedFromSeed } from '../support/migrations-upto';
import { Workspaces1796540000000 } from '../../migrations/1796540000000-Workspaces';

/**
 * The workspaces migration on a database as it was before workspaces: every pipeline, client,
 * queue and prompt moves into the default workspace, every user becomes a member of it with the
 * role they had, and the append-only audit log gets its workspace without an UPDATE.
 */
describe('workspaces migration: existing data moves into the default workspace', () => {
  const name = `arbiter_t_wsmig_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = databaseUrl(name);
  let db: DataSource;
  const ids = {
    client: randomUUID(),
    key: randomUUID(),
    pipeline: randomUUID(),
    prompt: randomUUID(),
    reviewer: randomUUID(),
    lead: randomUUID(),
    admin: randomUUID(),
    entry: randomUUID(),
  };

  beforeAll(async () => {
    let applied: string[];
    ({ db, applied } = await migratedFromSeed(url, Workspaces1796540000000, async (old) => {
      // A deployment's data before workspaces.
      await old.query(`INSERT INTO clients (id, name) VALUES ($1, 'claims-bot')`, [ids.client]);
      await old.query(
        `INSERT INTO api_keys (id, client_id, name, key_prefix, key_hash) VALUES ($1, $2, 'prod', 'arb_x', 'hash-x')`,
        [ids.key, ids.client],
      );
      await old.query(`INSERT INTO pipelines (id, key) VALUES ($1, 'support')`, [ids.pipeline]);
      await old.query(`INSERT INTO review_queues (name) VALUES ('support'), ('escalations')`);
      await old.query(`INSERT INTO prompts (id, key) VALUES ($1, 'answer')`, [ids.prompt]);
      for (const [id, role] of [
        [ids.reviewer, 'reviewer'],
        [ids.lead, 'lead'],
        [ids.admin, 'admin'],
      ])
        await old.query(
          `INSERT INTO users (id, email, password_hash, role) VALUES ($1, $2, 'x', $3)`,
          [id, `${role}@legacy.local`, role],
        );
      await old.query(`INSERT INTO queue_memberships (user_id, queue) VALUES ($1, 'support')`, [
        ids.reviewer,
      ]);
      await old.query(
        `INSERT INTO audit_entries (id, actor_id, actor_role, action, target_kind, target_id)
       VALUES ($1, $2, 'admin', 'pipeline.put', 'pipeline', 'support')`,
        [ids.entry, ids.admin],
      );
    }));
    expect(applied).toEqual(['Workspaces1796540000000']);
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(name);
  });

  it('creates the default workspace', async () => {
    expect(await db.query(`SELECT id, key FROM workspaces`)).toEqual([
      { id: DEFAULT_WORKSPACE_ID, key: 'default' },
    ]);
  });

  it('puts every pipeline, client, queue and prompt in it', async () => {
    for (const table of ['pipelines', 'clients', 'review_queues', 'prompts']) {
      const rows: { workspace_id: string }[] = await db.query(`SELECT workspace_id FROM ${table}`);
      expect([table, rows.length > 0]).toEqual([table, true]);
      expect([table, rows.every((r) => r.workspace_id === DEFAULT_WORKSPACE_ID)]).toEqual([
        table,
        true,
      ]);
    }
  });

  it('makes every user a member of it with the role they had', async () => {
    const members = await db.query(
      `SELECT u.email, m.role FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 ORDER BY u.email`,
      [DEFAULT_WORKSPACE_ID],
    );
    expect(members).toEqual([
      { email: 'admin@legacy.local', role: 'admin' },
      { email: 'lead@legacy.local', role: 'lead' },
      { email: 'reviewer@legacy.local', role: 'reviewer' },
    ]);
    // users.role is left as it was: `admin` now means a platform admin.
    expect((await db.query(`SELECT role FROM users WHERE id = $1`, [ids.admin]))[0].role).toBe(
      'admin',
    );
  });

  it('gives the existing audit entries the default workspace, and the log stays append-only', async () => {
    const [entry] = await db.query(`SELECT workspace_id FROM audit_entries WHERE id = $1`, [
      ids.entry,
    ]);
    expect(entry.workspace_id).toBe(DEFAULT_WORKSPACE_ID);
    await expect(db.query(`UPDATE audit_entries SET workspace_id = NULL`)).rejects.toThrow(
      /append-only/,
    );
    // A new entry says its own workspace (no default any more): null is a platform entry.
    await db.query(
      `INSERT INTO audit_entries (id, action, target_kind) VALUES ($1, 'workspace.create', 'workspace')`,
      [randomUUID()],
    );
    expect(
      await db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE workspace_id IS NULL`),
    ).toEqual([{ n: 1 }]);
  });

  it('lands a row made without a workspace in the default one (code older than workspaces)', async () => {
    await db.query(`INSERT INTO clients (id, name) VALUES ($1, 'late')`, [randomUUID()]);
    expect(await db.query(`SELECT workspace_id FROM clients WHERE name = 'late'`)).toEqual([
      { workspace_id: DEFAULT_WORKSPACE_ID },
    ]);
  });

  it('can be reverted', async () => {
    await db.undoLastMigration({ transaction: 'each' });
    const tables: { t: string }[] = await db.query(
      `SELECT tablename AS t FROM pg_tables WHERE tablename IN ('workspaces', 'workspace_members')`,
    );
    expect(tables).toEqual([]);
    await db.runMigrations({ transaction: 'each' });
  });
});
