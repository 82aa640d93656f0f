import { reviewQueueName } from '@arbiter/queue';
import { LeaseRecovery, ReviewDispatch, ReviewReconciler, SlaAging } from '@arbiter/review';
import { deleteKeysWithPrefix, expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, TaskView } from '../support/reviewer.client';

const LEASE_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('human review queues: order, races, leases, consensus, SLA, reconciliation', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    // Maintenance is driven by the tests (called directly) so that timing is theirs to decide.
    arbiter = await ArbiterHarness.start({
      config: {
        worker: {
          scoreConcurrency: 16,
          stuckAfterMs: 60_000,
          recoveryEveryMs: 3_600_000,
          metricsPort: 0,
        },
        review: {
          leaseMs: LEASE_MS,
          leaseWarningMs: 1000,
          atRiskMarginMs: 15 * 60_000,
          maintenanceEveryMs: 3_600_000,
          reconcileEveryMs: 3_600_000,
        },
      },
    });
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
  });

  const worker = <T>(type: new (...args: never[]) => T): T => arbiter.worker!.get(type);
  const reviewer = (email: string, queues = ['support']) => reviewers.connect(email, queues);
  const submit = async (pipeline = 'support', overrides: Record<string, unknown> = {}) =>
    (
      await arbiter.http.post<{ id: string }>(
        '/v1/submissions',
        submissionBody({ pipeline, ...overrides }),
        { token: arbiter.bootstrapKey },
      )
    ).body.id;
  const openTasks = async (n: number) =>
    expectEventually(async () => {
      const rows = await arbiter.db.query(
        `SELECT id, submission_id FROM review_tasks WHERE status IN ('pending', 'claimed')`,
      );
      expect(rows).toHaveLength(n);
      return rows as { id: string; submission_id: string }[];
    });

  it('claims by priority first, then earliest deadline, then age, across queues', async () => {
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        review: {
          queue: 'support',
          sla: '30m',
          priority: 5,
          priorityRules: [{ field: 'tier', equals: 'vip', priority: 1 }],
        },
      }),
    );
    await arbiter.putPolicy(
      'fast',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'fast', sla: '5m', priority: 5 } }),
    );
    const older = await submit('support');
    await openTasks(1);
    const normal = await submit('support');
    const fast = await submit('fast');
    const vip = await submit('support', { metadata: { tier: 'vip' } });
    await openTasks(4);
    const alice = await reviewer('alice@test.local', ['support', 'fast']);
    const order: string[] = [];
    for (let task = await alice.claim(); task; task = await alice.claim()) {
      order.push(task.submission.id);
      await alice.decide(task, 'approve');
    }
    expect(order).toEqual([vip, fast, older, normal]);
  });

  it('three reviewers racing over 200 tasks decide each exactly once', async () => {
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    const ids = await Promise.all(Array.from({ length: 200 }, () => submit()));
    await openTasks(200);
    const racers = await Promise.all(['a', 'b', 'c'].map((n) => reviewer(`${n}@test.local`)));
    const decided = await Promise.all(
      racers.map(async (r) => {
        let count = 0;
        for (let task = await r.claim(); task; task = await r.claim()) {
          const ack = await r.decide(task, 'approve');
          expect(ack).toMatchObject({ ok: true, result: 'decided' });
          count++;
        }
        return count;
      }),
    );
    expect(decided.reduce((a, b) => a + b, 0)).toBe(200);
    expect(decided.every((n) => n > 0)).toBe(true);
    const perTask = await arbiter.db.query(
      `SELECT task_id, count(*)::int AS n FROM review_decisions GROUP BY task_id`,
    );
    expect(perTask).toHaveLength(200);
    expect(perTask.every((r: { n: number }) => r.n === 1)).toBe(true);
    const [{ approved }] = await arbiter.db.query(
      `SELECT count(*)::int AS approved FROM submissions WHERE status = 'approved' AND id = ANY($1)`,
      [ids],
    );
    expect(approved).toBe(200);
  });

  it('a heartbeat keeps the lease; without one it lapses, the task returns and a stale decision gets 409', async () => {
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    await submit();
    await openTasks(1);
    const alice = await reviewer('alice@test.local');
    const bob = await reviewer('bob@test.local');
    const task = (await alice.claim())!;
    await sleep(LEASE_MS * 0.6);
    expect(
      await alice.send('heartbeat', { taskId: task.task.id, leaseToken: task.task.leaseToken }),
    ).toMatchObject({ ok: true });
    await sleep(LEASE_MS * 0.6); // past the first lease, within the extended one
    expect(await worker(LeaseRecovery).execute()).toMatchObject({ returned: 0 });
    expect(await bob.claim()).toBeNull();

    await sleep(LEASE_MS + 100);
    expect(await worker(LeaseRecovery).execute()).toMatchObject({ returned: 1 });
    await expectEventually(() =>
      expect(alice.events.map((e) => e.event)).toContain('task.revoked'),
    );
    const taken = (await bob.claim())!;
    expect(taken.task.id).toBe(task.task.id);
    const stale = await alice.decide(task, 'approve');
    expect(stale).toMatchObject({ ok: false, error: { status: 409 } });
    expect(await bob.decide(taken, 'approve')).toMatchObject({ ok: true, outcome: 'approved' });
  });

  it("a disconnected reviewer's task comes back after its lease, warned before it lapses", async () => {
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    await submit();
    await openTasks(1);
    const alice = await reviewer('alice@test.local');
    const task = (await alice.claim())!;
    await sleep(LEASE_MS - 900);
    expect((await worker(LeaseRecovery).execute()).warned).toBe(1);
    await expectEventually(() =>
      expect(alice.events.map((e) => e.event)).toContain('lease.expiring'),
    );
    alice.close();
    const bob = await reviewer('bob@test.local');
    expect(await bob.claim()).toBeNull();
    await sleep(1000);
    await worker(LeaseRecovery).execute();
    expect((await bob.claim())?.task.id).toBe(task.task.id);
  });

  it('consensus: two distinct reviewers must agree; a reviewer is not handed a task twice', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', consensus: 2, escalateTo: 'leads' } }),
    );
    const id = await submit();
    await openTasks(1);
    const alice = await reviewer('alice@test.local');
    const bob = await reviewer('bob@test.local');
    expect(await alice.decide((await alice.claim())!, 'approve')).toMatchObject({
      ok: true,
      result: 'waiting',
      have: 1,
      need: 2,
    });
    expect(await alice.claim()).toBeNull();
    expect(
      await bob.decide((await bob.claim())!, 'edit', { editedOutput: { text: 'Paris.' } }),
    ).toMatchObject({ ok: true, result: 'decided', outcome: 'approved' });
    const [row] = await arbiter.db.query(`SELECT status, decision FROM submissions WHERE id = $1`, [
      id,
    ]);
    expect(row.status).toBe('approved');
    expect(row.decision.finalOutput).toEqual({ text: 'Paris.' });
    expect(row.decision.reviewers.sort()).toEqual([alice.userId, bob.userId].sort());
  });

  it('consensus: disagreement escalates to the escalation queue', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', consensus: 2, escalateTo: 'leads' } }),
    );
    const id = await submit();
    await openTasks(1);
    const alice = await reviewer('alice@test.local');
    const bob = await reviewer('bob@test.local');
    const lead = await reviewer('lead@test.local', ['leads']);
    await alice.decide((await alice.claim())!, 'approve');
    expect(
      await bob.decide((await bob.claim())!, 'reject', { reasonCodes: ['inaccurate'] }),
    ).toMatchObject({ ok: true, result: 'escalated', queue: 'leads' });
    const escalated = (await lead.claim())!;
    expect(escalated.task).toMatchObject({ kind: 'escalation', queue: 'leads', priority: 1 });
    await lead.decide(escalated, 'reject', { reasonCodes: ['inaccurate'] });
    const [row] = await arbiter.db.query(`SELECT status FROM submissions WHERE id = $1`, [id]);
    expect(row.status).toBe('rejected');
  });

  it('SLA aging raises priority as the deadline nears and at breach, in Postgres and in the BullMQ queue', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', sla: '10m', priority: 5 } }),
    );
    await arbiter.putPolicy(
      'tight',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'tight', sla: '1s', priority: 5 } }),
    );
    await submit('support');
    await submit('tight');
    const tasks = await openTasks(2);
    await sleep(1100);
    expect(await worker(SlaAging).execute()).toMatchObject({ atRisk: 1, breached: 1 });
    const rows = await arbiter.db.query(
      `SELECT queue, sla_state, priority FROM review_tasks ORDER BY queue`,
    );
    expect(rows).toEqual([
      { queue: 'support', sla_state: 'at_risk', priority: 4 },
      { queue: 'tight', sla_state: 'breached', priority: 1 },
    ]);
    for (const { id } of tasks) {
      const [{ queue, priority }] = await arbiter.db.query(
        `SELECT queue, priority FROM review_tasks WHERE id = $1`,
        [id],
      );
      const job = await arbiter.producer.queue(reviewQueueName(queue)).getJob(id);
      expect(job?.priority).toBe(priority);
    }
    expect(await worker(SlaAging).execute()).toMatchObject({ atRisk: 0, breached: 0 });
  });

  it.each([
    ['reject', { status: 'expired', outcome: 'rejected', flags: ['expired'] }],
    [
      'approve-with-flag',
      { status: 'expired', outcome: 'approved', flags: ['approved-on-expiry'] },
    ],
    ['escalate', { status: 'human_review', outcome: undefined, flags: undefined }],
  ])('onExpire %s applies when the time to live runs out', async (onExpire, expected) => {
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        ttl: '1s',
        review: {
          queue: 'support',
          onExpire,
          ...(onExpire === 'escalate' ? { escalateTo: 'leads' } : {}),
        },
      }),
    );
    const id = await submit();
    await openTasks(1);
    await sleep(1100);
    expect((await worker(SlaAging).execute()).expired).toBe(1);
    const [row] = await arbiter.db.query(`SELECT status, decision FROM submissions WHERE id = $1`, [
      id,
    ]);
    expect(row.status).toBe(expected.status);
    if (expected.outcome)
      expect(row.decision).toMatchObject({ outcome: expected.outcome, decidedBy: 'policy' });
    if (expected.flags) {
      // The webhook says which way the expiry went: its outcome is "expired" either way.
      const [event] = await arbiter.db.query(
        `SELECT body FROM delivery_events WHERE submission_id = $1 AND type = 'submission.expired'`,
        [id],
      );
      expect(JSON.parse(event.body).data.decision).toMatchObject({
        outcome: 'expired',
        flags: expected.flags,
      });
    }
    if (onExpire === 'escalate') {
      const open = await openTasks(1);
      const [task] = await arbiter.db.query(`SELECT queue, kind FROM review_tasks WHERE id = $1`, [
        open[0].id,
      ]);
      expect(task).toEqual({ queue: 'leads', kind: 'escalation' });
    }
  });

  it('a reviewer holding a task whose submission expired gets 409 review.task_closed naming the expiry, on decide, heartbeat and release', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, ttl: '1s', review: { queue: 'support', onExpire: 'reject' } }),
    );
    await submit();
    await openTasks(1);
    const alice = await reviewer('alice@test.local');
    const task = (await alice.claim())!;
    const lease = { taskId: task.task.id, leaseToken: task.task.leaseToken };
    await alice.send('heartbeat', lease);
    await sleep(1100);
    expect((await worker(SlaAging).execute()).expired).toBe(1);

    const closed = {
      ok: false,
      error: {
        status: 409,
        code: 'review.task_closed',
        message: expect.stringContaining("the submission's time to live ran out"),
      },
    };
    expect(await alice.decide(task, 'approve')).toMatchObject(closed);
    expect(await alice.send('heartbeat', lease)).toMatchObject(closed);
    expect(await alice.send('release', lease)).toMatchObject(closed);
    expect(
      await arbiter.db.query(`SELECT 1 FROM review_decisions WHERE task_id = $1`, [lease.taskId]),
    ).toEqual([]);
  });

  it('a claim that died between taking the job and the Postgres claim: once its lock lapses the reconciler puts the job back', async () => {
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    await submit();
    const [open] = await openTasks(1);
    // What a claim leaves behind when the database refuses its UPDATE (or the process dies
    // right after the fetch): the job active under a lock, the task still pending in Postgres.
    const dispatch = worker(ReviewDispatch);
    const job = await dispatch.fetch('support', 'crashed-claim-token');
    expect(job?.id).toBe(open.id);
    const alice = await reviewer('alice@test.local');
    expect(await alice.claim()).toBeNull();

    // While the lock lives the job may still be an in-flight claim: left alone.
    await worker(ReviewReconciler).execute();
    expect(await alice.claim()).toBeNull();
    await sleep(LEASE_MS + 200);
    await worker(ReviewReconciler).execute();

    const task = await alice.claim();
    expect(task?.task.id).toBe(open.id);
    expect(await alice.decide(task!, 'approve')).toMatchObject({ ok: true, outcome: 'approved' });
  });

  it('Redis flushed mid-run: every pending task is back in its queue once, a held lease is honoured', async () => {
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    await Promise.all(Array.from({ length: 20 }, () => submit()));
    await openTasks(20);
    const alice = await reviewer('alice@test.local');
    const held = (await alice.claim())!;

    await deleteKeysWithPrefix(arbiter.producer.connection, arbiter.config.redisPrefix);
    const queue = arbiter.producer.queue(reviewQueueName('support'));
    expect(await queue.getJobCountByTypes('prioritized')).toBe(0);

    expect(await worker(ReviewReconciler).execute()).toMatchObject({ checked: 19, readded: 19 });
    // Counts now agree: the next pass compares them and walks nothing.
    expect(await worker(ReviewReconciler).execute()).toEqual({
      checked: 0,
      readded: 0,
      created: 0,
    });
    expect(await queue.getJobCountByTypes('prioritized')).toBe(19);
    // One job lost alone: its queue's counts differ, so that queue is walked and the job re-added.
    const [lost] = await queue.getJobs(['prioritized'], 0, 0);
    await lost.remove();
    expect(await worker(ReviewReconciler).execute()).toEqual({
      checked: 19,
      readded: 1,
      created: 0,
    });
    expect(await queue.getJobCountByTypes('prioritized')).toBe(19);

    expect(await alice.decide(held, 'approve')).toMatchObject({ ok: true, outcome: 'approved' });
    const seen = new Set<string>();
    for (let task: TaskView | null = await alice.claim(); task; task = await alice.claim()) {
      expect(seen.has(task.task.id)).toBe(false);
      seen.add(task.task.id);
      await alice.decide(task, 'approve');
    }
    expect(seen.size).toBe(19);
  });
});
