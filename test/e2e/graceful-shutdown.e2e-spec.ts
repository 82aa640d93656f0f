import { expectEventually } from '@arbiter/testing';
import { createWorkerApp } from '../../apps/worker/src/worker-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

describe('graceful shutdown loses nothing that was accepted', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
    await arbiter.putPolicy('support', policy());
  });
  afterAll(() => arbiter.stop());

  it('a worker stopped mid-stream finishes its jobs; the rest wait in Redis and are routed by the next worker', async () => {
    const ids = await Promise.all(
      Array.from(
        { length: 150 },
        async () =>
          (
            await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
              token: arbiter.bootstrapKey,
            })
          ).body.id,
      ),
    );
    await arbiter.worker!.close();
    arbiter.worker = undefined;

    // Nothing is left half-done: each submission is routed, or untouched with its job still queued.
    const rows: { status: string }[] = await arbiter.db.query(
      `SELECT status FROM submissions WHERE id = ANY($1)`,
      [ids],
    );
    expect(rows.filter((r) => r.status === 'scoring')).toHaveLength(0);
    const waiting = rows.filter((r) => r.status === 'received').length;
    const counts = await arbiter.producer.counts('score');
    expect((counts.waiting ?? 0) + (counts.prioritized ?? 0)).toBe(waiting);

    arbiter.worker = await createWorkerApp(arbiter.config);
    await expectEventually(async () => {
      const [{ routed }] = await arbiter.db.query(
        `SELECT count(*)::int AS routed FROM submissions WHERE id = ANY($1) AND status = 'approved'`,
        [ids],
      );
      expect(routed).toBe(150);
    }, 20_000);
  });

  it('requests in flight when the api closes are answered, and every 202 is a committed row', async () => {
    await arbiter.worker?.close(); // no decisions: each ?wait request stays in flight for its full wait
    arbiter.worker = undefined;
    const { createApiApp } = await import('../../apps/api/src/api-app.factory');
    const api = await createApiApp({ ...arbiter.config, port: 0 });
    await api.listen(0, '127.0.0.1');
    const url = await api.getUrl();
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${url}/v1/submissions?wait=1500`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${arbiter.bootstrapKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(submissionBody()),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string } })),
    );
    await expectEventually(async () => {
      const [{ count }] = await arbiter.db.query(
        `SELECT count(*)::int AS count FROM submissions WHERE status = 'received'`,
      );
      expect(count).toBeGreaterThanOrEqual(20);
    });
    await api.close();
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    const ids = results.map((r) => r.body.id);
    const [{ count }] = await arbiter.db.query(
      `SELECT count(*)::int AS count FROM submissions WHERE id = ANY($1)`,
      [ids],
    );
    expect(count).toBe(20);
  });
});
