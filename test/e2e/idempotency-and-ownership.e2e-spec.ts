import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

describe('Idempotency-Key and ownership', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    await arbiter.putPolicy('support', policy());
  });

  const post = (body: unknown, idempotencyKey?: string, token = arbiter.bootstrapKey) =>
    arbiter.http.post<{ id: string; message?: string }>('/v1/submissions', body, {
      token,
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });

  it('a retry with the same key and body returns the same submission and stores one row', async () => {
    const first = await post(submissionBody(), 'retry-1');
    const second = await post(submissionBody(), 'retry-1');
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [{ count }] = await arbiter.db.query(`SELECT count(*)::int AS count FROM submissions`);
    expect(count).toBe(1);
  });

  it('concurrent retries with one key still make exactly one submission', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => post(submissionBody(), 'race-1')),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [{ count }] = await arbiter.db.query(`SELECT count(*)::int AS count FROM submissions`);
    expect(count).toBe(1);
  });

  it('the same key with another body is a 409 conflict', async () => {
    await post(submissionBody(), 'conflict-1');
    const res = await post(submissionBody({ output: { text: 'Lyon.' } }), 'conflict-1');
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/Idempotency-Key .* different request body/);
  });

  it('keys are scoped per client: another client may reuse the same key', async () => {
    const other = await arbiter.createClient('other');
    const a = await post(submissionBody(), 'shared-key');
    const b = await post(submissionBody(), 'shared-key', other);
    expect(b.status).toBe(202);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it("a client gets 404 for another client's submission, and for an unknown id", async () => {
    const mine = await post(submissionBody());
    const other = await arbiter.createClient('other');
    const theirs = await arbiter.http.get<{ message: string }>(`/v1/submissions/${mine.body.id}`, {
      token: other,
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body.message).toMatch(/not found/);
    const unknown = await arbiter.http.get(`/v1/submissions/00000000-0000-4000-8000-000000000000`, {
      token: arbiter.bootstrapKey,
    });
    expect(unknown.status).toBe(404);
  });

  it('a client limited to other pipelines gets 403', async () => {
    const limited = await arbiter.createClient('limited', ['claims']);
    const res = await post(submissionBody(), undefined, limited);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/may not submit to pipeline "support"/);
  });
});
