import { TEST_ADMIN } from '@arbiter/testing';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import type { ArbiterHarness } from '../support/arbiter.harness';
import { startAuditRefusals, type AuditRefusalHarness } from '../support/audit-refusals';

type Listed = {
  action: string;
  status: string;
  actor: { email: string | null };
  target: { kind: string; id: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * No audited action goes unrecorded. Each is announced before it runs; when its entry cannot be
 * written after it acted (here the table refuses it; a process that dies leaves the same trace)
 * the reconciler records it `unconfirmed`, with the target's state read then, once the call is
 * older than any call takes. The admins see each entry's status in the log.
 */
describe('audit log: calls that did not finish', () => {
  let arbiter: ArbiterHarness;
  let admin: { token: string };
  let reconcile: () => Promise<number>;
  let refusing: AuditRefusalHarness['refusing'];
  let newClient: AuditRefusalHarness['newClient'];
  let setQuota: AuditRefusalHarness['setQuota'];

  beforeAll(async () => {
    // The reconciler runs when a test says so, or when an api starts: not on its own timer.
    ({ arbiter, admin, reconcile, refusing, newClient, setQuota } = await startAuditRefusals());
  }, 60_000);

  afterAll(() => arbiter?.stop());

  async function quotaOf(clientId: string): Promise<number | null> {
    const [row] = await arbiter.db.query(
      `SELECT requests_per_second AS "rps" FROM clients WHERE id = $1`,
      [clientId],
    );
    return row.rps as number | null;
  }

  /** What the admins read in the log: the quota entries of one client, newest first. */
  async function quotaEntries(clientId: string): Promise<Listed[]> {
    const page = await arbiter.http.get<{ entries: Listed[] }>(
      '/v1/audit?action=client.quota&limit=500',
      admin,
    );
    expect(page.status).toBe(200);
    return page.body.entries.filter((e) => e.target.id === clientId);
  }

  /** The quota is set, but its entry cannot be written: the caller is told (a 5xx). */
  async function setQuotaLosingItsEntry(clientId: string, requestsPerSecond: number) {
    const answered = await refusing('audit_entries', 'INSERT', `NEW.action = 'client.quota'`, () =>
      setQuota(clientId, requestsPerSecond),
    );
    expect(answered.status).toBe(500);
    expect(await quotaOf(clientId)).toBe(requestsPerSecond);
    expect(await quotaEntries(clientId)).toEqual([]);
  }

  it('an action whose entry cannot be written ends in the log as unconfirmed, with the state read later', async () => {
    const clientId = await newClient('quota-lost');
    await setQuotaLosingItsEntry(clientId, 7);

    // A call announced moments ago may still finish: the reconciler leaves it alone.
    expect(await reconcile()).toBe(0);
    expect(await quotaEntries(clientId)).toEqual([]);

    // An hour later nobody finished it: it is recorded, once, with the state as it is now.
    await arbiter.db.query(`UPDATE audit_intents SET at = at - interval '1 hour'`);
    expect(await reconcile()).toBe(1);
    expect(await reconcile()).toBe(0);
    expect(await quotaEntries(clientId)).toEqual([
      expect.objectContaining({
        action: 'client.quota',
        status: 'unconfirmed',
        actor: expect.objectContaining({ email: TEST_ADMIN.email }),
        target: { kind: 'client', id: clientId },
        before: expect.objectContaining({ requestsPerSecond: null }),
        after: expect.objectContaining({ requestsPerSecond: 7 }),
      }),
    ]);
    expect(await arbiter.db.query(`SELECT id FROM audit_intents`)).toEqual([]);
  });

  it('an api starting again records the calls left unfinished before it, before taking new ones', async () => {
    const clientId = await newClient('quota-restart');
    await setQuotaLosingItsEntry(clientId, 3);
    await arbiter.db.query(`UPDATE audit_intents SET at = at - interval '1 hour'`);

    const restarted = await createApiApp(arbiter.config);
    try {
      await restarted.init();
      expect(await quotaEntries(clientId)).toEqual([
        expect.objectContaining({
          status: 'unconfirmed',
          after: expect.objectContaining({ requestsPerSecond: 3 }),
        }),
      ]);
    } finally {
      await restarted.close();
    }
  });

  it('an action whose announcement cannot be written is not taken', async () => {
    const clientId = await newClient('quota-unannounced');
    const answered = await refusing('audit_intents', 'INSERT', 'true', () => setQuota(clientId, 9));
    expect(answered.status).toBe(500);
    expect(await quotaOf(clientId)).toBeNull();
    expect(await quotaEntries(clientId)).toEqual([]);
  });

  it('a call that fails with a server error is recorded as failed, its state after showing what it changed', async () => {
    const clientId = await newClient('quota-failing');
    expect((await setQuota(clientId, 5)).status).toBe(200);
    const answered = await refusing('clients', 'UPDATE', 'true', () => setQuota(clientId, 11));
    expect(answered.status).toBe(500);
    const [failed, done] = await quotaEntries(clientId);
    expect([done.status, done.after?.requestsPerSecond]).toEqual(['done', 5]);
    expect(failed).toMatchObject({
      status: 'failed',
      before: expect.objectContaining({ requestsPerSecond: 5 }),
      after: expect.objectContaining({ requestsPerSecond: 5 }),
    });
    expect(await arbiter.db.query(`SELECT id FROM audit_intents`)).toEqual([]);
  });

  it('a refused call leaves nothing behind, neither an entry nor an announcement', async () => {
    const clientId = await newClient('quota-refused');
    expect((await setQuota(clientId, -1)).status).toBe(400);
    expect(await quotaEntries(clientId)).toEqual([]);
    expect(await arbiter.db.query(`SELECT id FROM audit_intents`)).toEqual([]);
  });
});
