import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

/**
 * Group commit at intake: submissions arriving together share one insert statement and one
 * queue round trip, yet each gets its own answer. The window is wide here (the default is 2 ms)
 * so that requests sent at once surely land in one group on a loaded machine; the metrics prove
 * that they did, so these tests cannot pass by writing every row alone.
 */
describe('Intake group commit', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      // Not written at once when idle: the first request would go alone, and these tests need
      // requests sent together to share one group (the group-commit unit spec covers idle).
      config: { intake: { batchWindowMs: 300, batchMax: 100, batchWhenIdle: false } },
    });
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    await arbiter.putPolicy('support', policy());
  });

  const post = (body: unknown, idempotencyKey?: string) =>
    arbiter.http.post<{ id: string; status: string; message?: string }>('/v1/submissions', body, {
      token: arbiter.bootstrapKey,
      headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    });

  /** The api's group-commit figures: statements, rows they wrote, rows retried alone. */
  const groupFigures = async () => {
    const text = (await arbiter.http.get<string>('/metrics')).body;
    const value = (name: string): number =>
      Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    return {
      statements: value('arbiter_intake_group_commit_rows_count'),
      rows: value('arbiter_intake_group_commit_rows_sum'),
      retriedAlone: value('arbiter_intake_group_commit_retried_rows_total'),
    };
  };
  const since = async (before: Awaited<ReturnType<typeof groupFigures>>) => {
    const now = await groupFigures();
    return {
      statements: now.statements - before.statements,
      rows: now.rows - before.rows,
      retriedAlone: now.retriedAlone - before.retriedAlone,
    };
  };

  const rowsByExternalId = async (): Promise<Map<string, { id: string; status: string }>> => {
    const rows: { id: string; external_id: string; status: string }[] = await arbiter.db.query(
      `SELECT id, external_id, status FROM submissions`,
    );
    return new Map(rows.map((r) => [r.external_id, { id: r.id, status: r.status }]));
  };

  it('submissions sent together are committed in one statement, each answered with its own row, each routed', async () => {
    const before = await groupFigures();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(submissionBody({ externalId: `together-${i}` }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(202));
    const figures = await since(before);
    expect(figures.rows).toBe(10);
    expect(figures.statements).toBeLessThan(10);
    expect(figures.retriedAlone).toBe(0);

    const rows = await rowsByExternalId();
    results.forEach((r, i) => expect(rows.get(`together-${i}`)?.id).toBe(r.body.id));
    const events: { submission_id: string; n: number }[] = await arbiter.db.query(
      `SELECT submission_id, count(*)::int AS n FROM submission_events
        WHERE type = 'transition' AND to_status = 'received' GROUP BY submission_id`,
    );
    expect(events).toHaveLength(10);
    expect(events.every((e) => e.n === 1)).toBe(true);

    await arbiter.waitForQueuesIdle();
    const routed = await rowsByExternalId();
    expect([...routed.values()].map((r) => r.status)).toEqual(Array(10).fill('approved'));
  });

  it('two requests with one Idempotency-Key in a group: the same body is one row, another body a 409; the neighbours are untouched', async () => {
    const before = await groupFigures();
    const neighbours = Array.from({ length: 6 }, (_, i) =>
      post(submissionBody({ externalId: `neighbour-${i}` })),
    );
    const [same1, same2, other1, other2, ...rest] = await Promise.all([
      post(submissionBody({ externalId: 'same' }), 'key-same'),
      post(submissionBody({ externalId: 'same' }), 'key-same'),
      post(submissionBody({ externalId: 'first-body' }), 'key-other'),
      post(submissionBody({ externalId: 'second-body' }), 'key-other'),
      ...neighbours,
    ]);
    const figures = await since(before);
    expect(figures.statements).toBeLessThan(figures.rows);

    expect([same1.status, same2.status]).toEqual([202, 202]);
    expect(same2.body.id).toBe(same1.body.id);
    // Which of two racing bodies wins the key is not ordered; exactly one does, the other is a 409.
    expect([other1.status, other2.status].sort()).toEqual([202, 409]);
    const loser = other1.status === 409 ? other1 : other2;
    expect(loser.body.message).toMatch(/Idempotency-Key .* different request body/);
    expect(rest.map((r) => r.status)).toEqual(Array(6).fill(202));

    const rows = await rowsByExternalId();
    expect(rows.size).toBe(8);
    rest.forEach((r, i) => expect(rows.get(`neighbour-${i}`)?.id).toBe(r.body.id));
    const winner = other1.status === 202 ? 'first-body' : 'second-body';
    expect(rows.get(winner)?.id).toBe((other1.status === 202 ? other1 : other2).body.id);
  });

  it('a row Postgres refuses fails alone: the rest of its group is retried row by row and committed', async () => {
    // A real refusal by the database for one row of the group (the api's validation lets it by).
    await arbiter.db.query(
      `ALTER TABLE submissions ADD CONSTRAINT test_refuse_one
         CHECK (external_id IS DISTINCT FROM 'refused-by-postgres') NOT VALID`,
    );
    try {
      const before = await groupFigures();
      const results = await Promise.all([
        ...Array.from({ length: 4 }, (_, i) => post(submissionBody({ externalId: `ok-${i}` }))),
        post(submissionBody({ externalId: 'refused-by-postgres' })),
        ...Array.from({ length: 4 }, (_, i) => post(submissionBody({ externalId: `ok-${4 + i}` }))),
      ]);
      const refused = results.splice(4, 1)[0];
      expect(refused.status).toBe(500);
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(202));
      expect((await since(before)).retriedAlone).toBeGreaterThan(1);

      const rows = await rowsByExternalId();
      expect(rows.has('refused-by-postgres')).toBe(false);
      results.forEach((r, i) => expect(rows.get(`ok-${i}`)?.id).toBe(r.body.id));
      await arbiter.waitForQueuesIdle();
      const routed = await rowsByExternalId();
      expect([...routed.values()].map((r) => r.status)).toEqual(Array(8).fill('approved'));
    } finally {
      await arbiter.db.query(`ALTER TABLE submissions DROP CONSTRAINT test_refuse_one`);
    }
  });
});
