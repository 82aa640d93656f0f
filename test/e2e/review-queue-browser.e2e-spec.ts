import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers } from '../support/reviewer.client';

interface QueueTask {
  id: string;
  status: string;
  priority: number;
  dueAt: string;
  claimedBy: string | null;
  pipeline: string;
  externalId: string | null;
  reasons: string[];
}
interface Listing {
  queue: string;
  tasks: QueueTask[];
  more: boolean;
}

/** GET /v1/review/queues/:queue/tasks: a lead's read-only view of a queue, filtered. */
describe('review: a lead browses the open tasks of a queue', () => {
  let arbiter: ArbiterHarness;
  let lead: string;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
    await arbiter.reset();
    // Two pipelines share the support queue; billing's tasks are due sooner.
    const flagged = {
      ...ALWAYS_HUMAN,
      validators: [{ type: 'phrases', deny: ['guaranteed'], onFail: 'human' }],
    };
    await arbiter.putPolicy(
      'support',
      policy({
        ...flagged,
        review: {
          queue: 'support',
          sla: '30m',
          priorityRules: [{ field: 'tier', equals: 'gold', priority: 1 }],
        },
      }),
    );
    await arbiter.putPolicy(
      'billing',
      policy({ ...flagged, review: { queue: 'support', sla: '5m' } }),
    );
    const submit = (externalId: string, extra: Record<string, unknown>) =>
      arbiter.http.post('/v1/submissions', submissionBody({ externalId, ...extra }), {
        token: arbiter.bootstrapKey,
      });
    await submit('plain', {});
    await submit('gold', { metadata: { tier: 'gold' } });
    await submit('promise', {
      output: { text: 'Paris is guaranteed to be the capital of France.' },
    });
    await submit('bill', { pipeline: 'billing' });
    await expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status = 'pending'`);
      expect(rows).toHaveLength(4);
    });
    const created = await arbiter.http.post(
      '/v1/users',
      { email: 'lena@test.local', password: 'lead-pass-1', role: 'lead', queues: [] },
      { token: await arbiter.adminAccessToken() },
    );
    expect(created.status).toBe(201);
    lead = (
      await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
        email: 'lena@test.local',
        password: 'lead-pass-1',
      })
    ).body.accessToken;
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });

  const browse = (query = '', queue = 'support') =>
    arbiter.http.get<Listing & { message?: string }>(`/v1/review/queues/${queue}/tasks${query}`, {
      token: lead,
    });
  const ids = (listing: Listing) => listing.tasks.map((t) => t.externalId);

  it('lists every open task, the most urgent first, with its pipeline and reasons', async () => {
    const res = await browse();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ queue: 'support', more: false });
    expect(ids(res.body)[0]).toBe('gold');
    expect(new Set(ids(res.body))).toEqual(new Set(['plain', 'gold', 'promise', 'bill']));
    const byId = Object.fromEntries(res.body.tasks.map((t) => [t.externalId, t]));
    expect(byId.bill.pipeline).toBe('billing');
    expect(byId.gold.priority).toBe(1);
    expect(byId.promise.reasons.length).toBeGreaterThan(0);
    // Same priority: the sooner due first (billing's SLA is 5 minutes).
    expect(ids(res.body).indexOf('bill')).toBeLessThan(ids(res.body).indexOf('plain'));
  });

  it('filters by pipeline, priority, due time and routing reason', async () => {
    expect(ids((await browse('?pipeline=billing')).body)).toEqual(['bill']);
    expect(ids((await browse('?maxPriority=1')).body)).toEqual(['gold']);
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    expect(ids((await browse(`?dueBefore=${encodeURIComponent(soon)}`)).body)).toEqual(['bill']);
    // Far bounds are bounds all the same; a year 0 or of five digits is not a date-time.
    expect(ids((await browse('?dueBefore=1000-01-01T00:00:00Z')).body)).toEqual([]);
    expect((await browse('?dueBefore=0000-01-01T00:00:00Z')).status).toBe(400);
    expect((await browse('?dueBefore=99999-01-01T00:00:00Z')).status).toBe(400);
    expect((await browse('?dueBefore=9999-12-31T00:00:00Z')).body.tasks).toHaveLength(4);

    const all = (await browse()).body.tasks;
    const promise = all.find((t) => t.externalId === 'promise')!;
    const plain = all.find((t) => t.externalId === 'plain')!;
    const own = promise.reasons.filter((code) => !plain.reasons.includes(code));
    expect(own.length).toBeGreaterThan(0);
    expect(ids((await browse(`?reason=${encodeURIComponent(own[0])}`)).body)).toEqual(['promise']);
    expect(ids((await browse('?reason=nothing.like.this')).body)).toEqual([]);
  });

  it('shows who holds a claimed task; status narrows to waiting or in review', async () => {
    const rita = await reviewers.connect('rita@test.local');
    const held = (await rita.claim())!;
    const claimed = (await browse('?status=claimed')).body.tasks;
    expect(claimed).toEqual([
      expect.objectContaining({
        id: held.task.id,
        status: 'claimed',
        claimedBy: 'rita@test.local',
      }),
    ]);
    const pending = (await browse('?status=pending')).body.tasks;
    expect(pending.map((t) => t.id)).not.toContain(held.task.id);
    expect(pending).toHaveLength(3);
    // Browsing changes nothing: the task is still held, the others still wait.
    const [row] = await arbiter.db.query(`SELECT status FROM review_tasks WHERE id = $1`, [
      held.task.id,
    ]);
    expect(row.status).toBe('claimed');
  });

  it('says when more match than the limit', async () => {
    const res = await browse('?limit=2');
    expect(res.body.tasks).toHaveLength(2);
    expect(res.body.more).toBe(true);
  });

  it.each([
    ['?status=done', /status must be one of open, pending, claimed/],
    ['?maxPriority=0', /maxPriority must be an integer/],
    ['?dueBefore=tomorrow', /dueBefore must be an ISO 8601 date-time/],
    ['?pipeline=Not_A_Key', /pipeline must be a pipeline key/],
    ['?limit=501', /limit must be an integer from 1 to 500/],
  ])('refuses %s with a 400 naming the filter', async (query, message) => {
    const res = await browse(query);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('answers 404 for a queue that does not exist', async () => {
    const res = await browse('', 'nowhere');
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Queue "nowhere" not found/);
  });
});
