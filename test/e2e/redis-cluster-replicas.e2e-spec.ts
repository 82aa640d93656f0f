import {
  createTestDatabase,
  dropTestDatabase,
  expectEventually,
  TEST_ADMIN,
  TEST_API_KEY,
  testConfig,
} from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { compileArbiterProcesses } from '../support/arbiter-build';
import { ArbiterChild } from '../support/arbiter-child';
import { auditExactlyOnce } from '../support/exactly-once.audit';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { HttpClient } from '../support/http.client';
import { ReviewerClient } from '../support/reviewer.client';
import { TemporaryRedisCluster } from '../support/temporary-redis-cluster';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

/** The compiled apps the child processes run (inside the repository, to find node_modules). */
const BUILD = join(__dirname, '..', '..', '.e2e-children');
// The cluster is this file's own, so the prefix needs no random part; a fixed one also fixes
// the slot each queue's hash tag lands in, and so which masters hold them.
const PREFIX = '{cluster-e2e}';
const REVIEW = { priority: 5, sla: '30m', reasonCodes: ['inaccurate'] };
/**
 * Submissions per pipeline: two review queues and one pipeline decided at once. With this prefix
 * `support` and `refunds` hash to different masters, so a claim reads heads on two masters.
 */
const TRAFFIC: Record<string, number> = { support: 16, refunds: 8, auto: 8 };

interface QueueCounts {
  queue: string;
  waiting: number;
  claimed: number;
}

/**
 * Scale-out on a Redis Cluster: two api and two worker processes on a cluster of three masters
 * and one PostgreSQL database. Submissions go through both apis, reviewers on either api claim
 * across two review queues and decide, and pushes made by one process reach reviewers connected
 * to another.
 */
describe('two apis and two workers on a Redis Cluster of three masters', () => {
  const dbName = `arbiter_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const logDir = mkdtempSync(join(tmpdir(), 'arbiter-cluster-logs-'));
  const children: ArbiterChild[] = [];
  let cluster: TemporaryRedisCluster;
  let receiver: WebhookReceiver;
  let db: Client;
  let apis: HttpClient[] = [];
  /** Rita works through api A, Ravi through api B. */
  let reviewers: ReviewerClient[] = [];

  beforeAll(async () => {
    compileArbiterProcesses(BUILD);
    cluster = await TemporaryRedisCluster.create(3);
    receiver = await WebhookReceiver.start();
    const url = await createTestDatabase(dbName);
    db = new Client({ connectionString: url });
    await db.connect();
    const config = testConfig(url, PREFIX, {
      redisClusterNodes: cluster.nodes,
      webhooks: testWebhookConfig({ retryHorizonMs: 120_000 }),
    });
    // One at a time: the first api seeds the bootstrap admin and API key.
    for (const role of ['api', 'api', 'worker', 'worker'] as const)
      children.push(await ArbiterChild.start(BUILD, role, config, logDir));
    apis = children.filter((c) => c.role === 'api').map((c) => new HttpClient(c.url));
    const admin = await seed(apis[0], receiver.url());
    reviewers = [
      await reviewerOn(apis[0], admin, 'rita@test.local'),
      await reviewerOn(apis[1], admin, 'ravi@test.local'),
    ];
  }, 300_000);

  afterAll(async () => {
    reviewers.forEach((r) => r.close());
    for (const child of children) await child.stop().catch(() => undefined);
    await receiver?.stop().catch(() => undefined);
    await db?.end().catch(() => undefined);
    cluster?.destroy();
    await dropTestDatabase(dbName).catch(() => undefined);
    rmSync(logDir, { recursive: true, force: true });
  }, 60_000);

  it('routes and decides every submission exactly once, whichever api took it', async () => {
    const accepted = await submitThroughBothApis();
    const toReview = TRAFFIC.support + TRAFFIC.refunds;
    const decided = await workUntilDecided(toReview);
    expect(decided.map((d) => d.outcome)).not.toContain('refused');
    // Both reviewers, each on their own api, took part.
    expect(new Set(decided.map((d) => d.by)).size).toBe(2);

    const audit = await expectEventually(
      async () => {
        const now = await auditExactlyOnce(db, accepted);
        if (now.unfinished.length || now.deliveredNotOnce.length)
          throw new Error(`not settled: ${JSON.stringify(now)}`);
        return now;
      },
      120_000,
      500,
    );
    expect(audit).toEqual({
      lost: [],
      unfinished: [],
      routedNotOnce: [],
      decidedNotOnce: [],
      reviewedNotOnce: [],
      deliveredNotOnce: [],
      outcomes: {
        'approved/auto': TRAFFIC.auto,
        'approved/human': toReview / 2,
        'rejected/human': toReview / 2,
      },
    });
  }, 300_000);

  it("pushes a reviewer's claim and decision on one api to reviewers on the other", async () => {
    const [rita, ravi] = reviewers;
    const seen = new Map(reviewers.map((r) => [r, r.events.length]));
    const res = await apis[1].post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline: 'support' }),
      { token: TEST_API_KEY },
    );
    expect(res.status).toBe(202);
    // The task was created by a worker: its count reaches reviewers on both apis.
    for (const reviewer of [rita, ravi])
      await nextCounts(reviewer, (c) => c.waiting === 1 && c.claimed === 0, seen.get(reviewer));

    // Only api A's process changes these counts now: Rita claims and decides through it.
    const seenByRavi = ravi.events.length;
    const task = await rita.claim(['support']);
    expect(task).not.toBeNull();
    await nextCounts(ravi, (c) => c.waiting === 0 && c.claimed === 1, seenByRavi);
    expect((await rita.decide(task!, 'approve')).ok).toBe(true);
    await nextCounts(ravi, (c) => c.waiting === 0 && c.claimed === 0, seenByRavi);
    await expectEventually(async () => {
      const view = await apis[1].get<{ status: string }>(`/v1/submissions/${res.body.id}`, {
        token: TEST_API_KEY,
      });
      expect(view.body.status).toBe('approved');
    }, 30_000);
  }, 120_000);

  it('spreads the queues over the masters, each queue within one slot', () => {
    const holders = new Map<string, number[]>();
    for (const [port, keys] of cluster.keysByMaster('{cluster-e2e:*')) {
      for (const key of keys) {
        const tag = /^\{([^}]+)\}/.exec(key)![1];
        holders.set(tag, [...new Set([...(holders.get(tag) ?? []), port])]);
      }
    }
    const tags = [...holders.keys()];
    expect(tags).toEqual(
      expect.arrayContaining([
        'cluster-e2e:score',
        'cluster-e2e:deliver',
        'cluster-e2e:review.support',
        'cluster-e2e:review.refunds',
      ]),
    );
    expect(holders.get('cluster-e2e:review.support')).not.toEqual(
      holders.get('cluster-e2e:review.refunds'),
    );
    // A hash tag is one slot, so each queue lives on exactly one master…
    for (const tag of tags) expect([tag, holders.get(tag)!.length]).toEqual([tag, 1]);
    // …and the queues together on more than one.
    expect(new Set(tags.map((t) => holders.get(t)![0])).size).toBeGreaterThan(1);
  });

  /** Submissions alternately through api A and api B, a few at a time; their ids (all 202). */
  async function submitThroughBothApis(): Promise<string[]> {
    const bodies = Object.entries(TRAFFIC).flatMap(([pipeline, n]) =>
      Array.from({ length: n }, () => submissionBody({ pipeline })),
    );
    const ids: string[] = [];
    for (let i = 0; i < bodies.length; i += 8) {
      const batch = bodies
        .slice(i, i + 8)
        .map((body, j) =>
          apis[(i + j) % 2].post<{ id: string }>('/v1/submissions', body, { token: TEST_API_KEY }),
        );
      for (const res of await Promise.all(batch)) {
        expect(res.status).toBe(202);
        ids.push(res.body.id);
      }
    }
    return ids;
  }

  /**
   * Both reviewers claim (across both review queues) and decide, alternately approving and
   * rejecting, until `count` tasks are decided.
   */
  async function workUntilDecided(count: number): Promise<{ by: string; outcome: string }[]> {
    const decided: { by: string; outcome: string }[] = [];
    const deadline = Date.now() + 120_000;
    let turn = 0;
    const work = async (reviewer: ReviewerClient) => {
      while (decided.length < count && Date.now() < deadline) {
        const task = await reviewer.claim();
        if (!task) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        const approve = turn++ % 2 === 0;
        const ack = approve
          ? await reviewer.decide(task, 'approve')
          : await reviewer.decide(task, 'reject', { reasonCodes: ['inaccurate'] });
        decided.push({ by: reviewer.userId, outcome: ack.ok ? 'decided' : 'refused' });
      }
    };
    await Promise.all(reviewers.map(work));
    return decided;
  }
});

/** Logs in as the bootstrap admin, puts the three pipelines and the webhook; the admin token. */
async function seed(api: HttpClient, webhookUrl: string): Promise<string> {
  const login = await api.post<{ accessToken: string }>('/v1/auth/login', TEST_ADMIN);
  const token = login.body.accessToken;
  const pipelines: Record<string, Record<string, unknown>> = {
    support: policy({ ...ALWAYS_HUMAN, review: { queue: 'support', ...REVIEW } }),
    refunds: policy({ ...ALWAYS_HUMAN, review: { queue: 'refunds', ...REVIEW } }),
    auto: policy({ review: { queue: 'support', ...REVIEW } }),
  };
  for (const [key, body] of Object.entries(pipelines)) {
    const res = await api.put(
      `/v1/pipelines/${key}?activate=true`,
      { pipeline: key, ...body },
      { token },
    );
    if (res.status !== 200)
      throw new Error(`policy ${key}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const hook = await api.put('/v1/webhook', { url: webhookUrl }, { token: TEST_API_KEY });
  if (hook.status !== 200) throw new Error(`webhook: ${hook.status} ${JSON.stringify(hook.body)}`);
  return token;
}

/** A reviewer of both queues, created by the admin, logged in and connected through `api`. */
async function reviewerOn(api: HttpClient, admin: string, email: string): Promise<ReviewerClient> {
  const password = 'reviewer-pass-1';
  const queues = Object.keys(TRAFFIC).filter((key) => key !== 'auto');
  const created = await api.post<{ id: string }>(
    '/v1/users',
    { email, password, role: 'reviewer', queues },
    { token: admin },
  );
  if (created.status !== 201)
    throw new Error(`user: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await api.post<{ accessToken: string }>('/v1/auth/login', { email, password });
  return ReviewerClient.connect({ http: api }, created.body.id, login.body.accessToken);
}

/** Waits for a `queue.counts` push of the support queue, after the first `from` events, matching `match`. */
async function nextCounts(
  reviewer: ReviewerClient,
  match: (counts: QueueCounts) => boolean,
  from = 0,
): Promise<void> {
  await expectEventually(() => {
    const counts = reviewer.events
      .slice(from)
      .filter((e) => e.event === 'queue.counts')
      .map((e) => e.payload as QueueCounts)
      .filter((c) => c.queue === 'support');
    expect(counts.some(match)).toBe(true);
  }, 30_000);
}
