import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, ReviewerClient } from '../support/reviewer.client';

describe('human review over socket.io: claim, decide, escalate', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        review: {
          queue: 'support',
          sla: '30m',
          escalateTo: 'leads',
          reasonCodes: ['inaccurate', 'tone', 'ok'],
        },
      }),
    );
  });

  const reviewer = (email: string, queues = ['support']) => reviewers.connect(email, queues);
  const submit = async (overrides: Record<string, unknown> = {}) =>
    (
      await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(overrides), {
        token: arbiter.bootstrapKey,
      })
    ).body.id;
  const taskCount = async (submissionId: string) =>
    expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT id FROM review_tasks WHERE submission_id = $1`, [
        submissionId,
      ]);
      expect(rows.length).toBeGreaterThan(0);
      return rows.length;
    });
  const submission = async (id: string) =>
    (await arbiter.db.query(`SELECT status, decision FROM submissions WHERE id = $1`, [id]))[0];

  it('approve: the submission is approved by a human, with the reviewer recorded', async () => {
    const id = await submit();
    await taskCount(id);
    const alice = await reviewer('alice@test.local');
    const task = await alice.claim();
    expect(task?.submission.id).toBe(id);
    expect(task?.task.leaseToken).toBeTruthy();
    const ack = await alice.decide(task!, 'approve');
    expect(ack).toMatchObject({ ok: true, result: 'decided', outcome: 'approved' });
    const row = await submission(id);
    expect(row.status).toBe('approved');
    expect(row.decision).toMatchObject({
      outcome: 'approved',
      decidedBy: 'human',
      reviewers: [alice.userId],
    });
    expect(await alice.claim()).toBeNull();
  });

  it('reject needs a reason code from the policy list', async () => {
    const id = await submit();
    await taskCount(id);
    const alice = await reviewer('alice@test.local');
    const task = (await alice.claim())!;
    const noReason = await alice.decide(task, 'reject');
    expect(noReason).toMatchObject({ ok: false, error: { status: 400 } });
    expect(noReason.error?.message).toMatch(/reason code/);
    const unknown = await alice.decide(task, 'reject', { reasonCodes: ['vibes'] });
    expect(unknown.error?.message).toMatch(/unknown code\(s\) vibes/);
    const ok = await alice.decide(task, 'reject', {
      reasonCodes: ['inaccurate'],
      comment: 'wrong city',
    });
    expect(ok).toMatchObject({ ok: true, outcome: 'rejected' });
    expect((await submission(id)).status).toBe('rejected');
  });

  it('edit: the edited output is what goes out, stored beside the original with a diff', async () => {
    const id = await submit();
    await taskCount(id);
    const alice = await reviewer('alice@test.local');
    const task = (await alice.claim())!;
    const ack = await alice.decide(task, 'edit', {
      editedOutput: { text: 'The capital of France is Paris, on the Seine.' },
      reasonCodes: ['tone'],
    });
    expect(ack).toMatchObject({ ok: true, outcome: 'approved' });
    const row = await submission(id);
    expect(row.decision.finalOutput).toEqual({
      text: 'The capital of France is Paris, on the Seine.',
    });
    expect(row.decision.originalOutput).toEqual({ text: 'The capital of France is Paris.' });
    const [decision] = await arbiter.db.query(
      `SELECT diff FROM review_decisions WHERE task_id = $1`,
      [task.task.id],
    );
    expect(decision.diff).toEqual([
      { op: 'same', text: 'The capital of France is' },
      { op: 'remove', text: ' Paris.' },
      { op: 'add', text: ' Paris, on the Seine.' },
    ]);
  });

  it('escalate: the task moves to the escalation queue, where a lead decides', async () => {
    const id = await submit();
    await taskCount(id);
    const alice = await reviewer('alice@test.local');
    const lead = await reviewer('lead@test.local', ['leads']);
    const task = (await alice.claim())!;
    expect(await alice.decide(task, 'escalate', { comment: 'not sure' })).toMatchObject({
      ok: true,
      result: 'escalated',
      queue: 'leads',
    });
    expect((await submission(id)).status).toBe('human_review');
    expect(await alice.claim()).toBeNull();
    const escalated = (await lead.claim())!;
    expect(escalated.task).toMatchObject({ queue: 'leads', kind: 'escalation' });
    expect((await lead.decide(escalated, 'escalate')).error?.message).toMatch(
      /cannot be escalated again/,
    );
    expect(await lead.decide(escalated, 'approve')).toMatchObject({
      ok: true,
      outcome: 'approved',
    });
    expect((await submission(id)).status).toBe('approved');
  });

  it('a reviewer is refused on a queue that is not theirs and on a task they do not hold', async () => {
    const id = await submit();
    await taskCount(id);
    const alice = await reviewer('alice@test.local');
    const bob = await reviewer('bob@test.local', ['other']);
    expect(await bob.send('claim', { queues: ['support'] })).toMatchObject({
      ok: false,
      error: { status: 403 },
    });
    expect(await bob.claim()).toBeNull();
    const task = (await alice.claim())!;
    const stolen = await bob.send('decide', {
      taskId: task.task.id,
      leaseToken: task.task.leaseToken,
      action: 'approve',
    });
    // A task of a queue bob does not work on is, to him, a task that does not exist.
    expect(stolen).toMatchObject({ ok: false, error: { status: 404 } });
    const rest = await arbiter.http.get(`/v1/review/tasks/${task.task.id}`, { token: bob.token });
    expect(rest.status).toBe(404);
  });

  it('bad socket payloads get an error ack, never a crash', async () => {
    const alice = await reviewer('alice@test.local');
    const cases: unknown[] = [
      undefined,
      'text',
      42,
      [],
      { taskId: 'nope' },
      { taskId: '00000000-0000-4000-8000-000000000000' },
      { taskId: '00000000-0000-4000-8000-000000000000', leaseToken: 'x', action: 'shrug' },
      {
        taskId: '00000000-0000-4000-8000-000000000000',
        leaseToken: 'x',
        action: 'approve',
        extra: true,
      },
    ];
    for (const payload of cases) {
      const ack = await alice.send('decide', payload);
      expect(ack.ok).toBe(false);
      expect(ack.error?.status).toBeGreaterThanOrEqual(400);
      expect(ack.error?.status).toBeLessThan(500);
    }
    expect(await alice.send('claim', { queues: 'support' })).toMatchObject({
      ok: false,
      error: { status: 400 },
    });
    expect(
      await alice.send('heartbeat', {
        taskId: '00000000-0000-4000-8000-000000000000',
        leaseToken: `${alice.userId}.x`,
      }),
    ).toMatchObject({ ok: false, error: { status: 404 } });
    expect(alice.socket.connected).toBe(true);
  });

  it('a socket without a valid token is refused at the handshake', async () => {
    await expect(ReviewerClient.connect(arbiter, 'nobody', 'not-a-token')).rejects.toThrow(
      /unauthorized/,
    );
  });

  it('a reviewer disabled while connected is refused on the open socket: no claim, no decision', async () => {
    const id = await submit();
    await taskCount(id);
    const alice = await reviewer('alice@test.local');
    const task = (await alice.claim())!;
    const disabled = await arbiter.http.post(`/v1/users/${alice.userId}/disable`, undefined, {
      token: await arbiter.adminAccessToken(),
    });
    expect(disabled.status).toBe(200);

    const refused = { ok: false, error: { status: 401 } };
    expect(await alice.decide(task, 'approve')).toMatchObject(refused);
    expect(
      await alice.send('heartbeat', { taskId: task.task.id, leaseToken: task.task.leaseToken }),
    ).toMatchObject(refused);
    expect(await alice.send('claim', {})).toMatchObject(refused);
    expect((await submission(id)).status).toBe('human_review');
  });

  it('REST offers the same claim, heartbeat, release and decide', async () => {
    const id = await submit();
    await taskCount(id);
    const alice = await reviewer('alice@test.local');
    const queues = await arbiter.http.get<{ queue: string; waiting: number }[]>(
      '/v1/review/queues',
      { token: alice.token },
    );
    expect(queues.body).toEqual([{ queue: 'support', waiting: 1, claimed: 0 }]);
    const claim = await arbiter.http.post<{ task: { task: { id: string; leaseToken: string } } }>(
      '/v1/review/claim',
      {},
      { token: alice.token },
    );
    const { id: taskId, leaseToken } = claim.body.task.task;
    expect(
      (
        await arbiter.http.post(
          `/v1/review/tasks/${taskId}/heartbeat`,
          { leaseToken },
          { token: alice.token },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await arbiter.http.post(
          `/v1/review/tasks/${taskId}/release`,
          { leaseToken },
          { token: alice.token },
        )
      ).status,
    ).toBe(200);
    const stale = await arbiter.http.post(
      `/v1/review/tasks/${taskId}/decide`,
      { leaseToken, action: 'approve' },
      { token: alice.token },
    );
    expect(stale.status).toBe(409);
    const again = await arbiter.http.post<{ task: { task: { id: string; leaseToken: string } } }>(
      '/v1/review/claim',
      {},
      { token: alice.token },
    );
    const decided = await arbiter.http.post(
      `/v1/review/tasks/${taskId}/decide`,
      { leaseToken: again.body.task.task.leaseToken, action: 'approve' },
      { token: alice.token },
    );
    expect(decided.status).toBe(200);
    expect((await submission(id)).status).toBe('approved');
  });

  it('pushes live queue counts to the queue room', async () => {
    const alice = await reviewer('alice@test.local');
    await submit();
    await expectEventually(() => {
      const counts = alice.events.filter((e) => e.event === 'queue.counts').map((e) => e.payload);
      expect(counts).toContainEqual({ queue: 'support', waiting: 1, claimed: 0 });
    });
  });
});
