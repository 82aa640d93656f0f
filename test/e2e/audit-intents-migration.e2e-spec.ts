import { databaseUrl, dropTestDatabase } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { migratedFromSeed } from '../support/migrations-upto';
import { AuditIntents1796590000000 } from '../../migrations/1796590000000-AuditIntents';

/**
 * The audit intents migration on a log written before it: the entries already there become
 * `done` without an UPDATE (the log refuses those), the log stays append-only, and reverting the
 * migration gives the log back as it was.
 */
describe('audit intents migration: existing entries are done, the log stays append-only', () => {
  const name = `arbiter_t_aimig_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = databaseUrl(name);
  const entry = randomUUID();
  let db: DataSource;

  beforeAll(async () => {
    let applied: string[];
    ({ db, applied } = await migratedFromSeed(url, AuditIntents1796590000000, async (old) => {
      await old.query(
        `INSERT INTO audit_entries (id, actor_role, action, target_kind, target_id)
       VALUES ($1, 'admin', 'pipeline.put', 'pipeline', 'support')`,
        [entry],
      );
    }));
    expect(applied).toEqual(['AuditIntents1796590000000']);
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await dropTestDatabase(name);
  });

  it('makes the entries already written done, and refuses a status it does not know', async () => {
    expect(await db.query(`SELECT status FROM audit_entries WHERE id = $1`, [entry])).toEqual([
      { status: 'done' },
    ]);
    await expect(
      db.query(
        `INSERT INTO audit_entries (id, action, target_kind, status) VALUES ($1, 'x.y', 'x', 'pending')`,
        [randomUUID()],
      ),
    ).rejects.toThrow(/ck_audit_entries_status/);
  });

  it('leaves the log append-only; intents, not entries, are the rows that come and go', async () => {
    await expect(db.query(`UPDATE audit_entries SET status = 'failed'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    const intent = randomUUID();
    await db.query(
      `INSERT INTO audit_intents (id, action, target_kind) VALUES ($1, 'client.quota', 'client')`,
      [intent],
    );
    expect(
      await db.query(`DELETE FROM audit_intents WHERE id = $1 RETURNING id`, [intent]),
    ).toEqual([[{ id: intent }], 1]);
  });

  it('reverts to the log as it was', async () => {
    await db.undoLastMigration({ transaction: 'each' });
    const columns: { column_name: string }[] = await db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_entries'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('status');
    expect(await db.query(`SELECT to_regclass('audit_intents') AS t`)).toEqual([{ t: null }]);
    expect(await db.query(`SELECT id FROM audit_entries`)).toEqual([{ id: entry }]);
  });
});
