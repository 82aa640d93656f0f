import { ReconcileAuditIntents } from '@arbiter/audit';
import { ArbiterHarness } from './arbiter.harness';

/**
 * An api whose audit reconciler runs only when a test says so (not on its own timer), with a
 * trigger function that refuses rows: how the audit specs leave a call unanswered, as a process
 * that dies after acting would.
 */
export interface AuditRefusalHarness {
  arbiter: ArbiterHarness;
  admin: { token: string };
  /** Turns the intents older than the configured age into `unconfirmed` entries; how many. */
  reconcile(): Promise<number>;
  /** Runs `body` while `table` refuses every row of `event` matching `when`. */
  refusing<T>(
    table: string,
    event: 'INSERT' | 'UPDATE',
    when: string,
    body: () => Promise<T>,
  ): Promise<T>;
  /** Creates an API client (an audited call); its id. */
  newClient(name: string): Promise<string>;
  /** Sets a client's quota (an audited call); the HTTP answer. */
  setQuota(clientId: string, requestsPerSecond: number): Promise<{ status: number }>;
}

export async function startAuditRefusals(): Promise<AuditRefusalHarness> {
  const arbiter = await ArbiterHarness.start({
    worker: false,
    config: { audit: { unconfirmedAfterMs: 600_000, reconcileEveryMs: 86_400_000 } },
  });
  const admin = { token: await arbiter.adminAccessToken() };
  await arbiter.db.query(`CREATE FUNCTION test_refusal() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
  const reconciler = arbiter.api.get(ReconcileAuditIntents);
  return {
    arbiter,
    admin,
    async newClient(name) {
      const created = await arbiter.http.post<{ id: string }>('/v1/clients', { name }, admin);
      expect(created.status).toBe(201);
      return created.body.id;
    },
    setQuota: (clientId, requestsPerSecond) =>
      arbiter.http.put(`/v1/clients/${clientId}/quota`, { requestsPerSecond }, admin),
    reconcile: () => reconciler.execute(arbiter.config.audit.unconfirmedAfterMs),
    async refusing(table, event, when, body) {
      await arbiter.db.query(`CREATE TRIGGER test_refusal BEFORE ${event} ON ${table}
        FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION test_refusal()`);
      try {
        return await body();
      } finally {
        await arbiter.db.query(`DROP TRIGGER test_refusal ON ${table}`);
      }
    },
  };
}
