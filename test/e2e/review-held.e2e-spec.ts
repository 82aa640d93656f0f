import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, ReviewerClient, TaskView } from '../support/reviewer.client';

/** The `held` command of /review: what a desk resumes after a reload, a closed tab or a new login. */
describe('review: the tasks I still hold come back on a new connection', () => {
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
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
  });

  const submit = async () =>
    (
      await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
        token: arbiter.bootstrapKey,
      })
    ).body.id;
  const pending = (n: number) =>
    expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status = 'pending'`);
      expect(rows).toHaveLength(n);
    });
  const held = async (client: ReviewerClient) => {
    const ack = await client.send<TaskView[]>('held');
    if (!ack.ok) throw new Error(`held refused: ${JSON.stringify(ack.error)}`);
    return ack.tasks as TaskView[];
  };
  /** A second sign-in of the same person: a new access token and a new socket. */
  const signInAgain = async (email: string, userId: string) => {
    const login = await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
      email,
      password: 'reviewer-pass-1',
    });
    return ReviewerClient.connect(arbiter, userId, login.body.accessToken);
  };

  it('a new login gets the held task back with a lease token that still decides it', async () => {
    const submissionId = await submit();
    await pending(1);
    const rita = await reviewers.connect('rita@test.local');
    const claimed = (await rita.claim())!;
    rita.close();

    const again = await signInAgain('rita@test.local', rita.userId);
    try {
      const [resumed, ...more] = await held(again);
      expect(more).toEqual([]);
      expect(resumed.task).toMatchObject({
        id: claimed.task.id,
        status: 'claimed',
        leaseToken: claimed.task.leaseToken,
      });
      expect(resumed.submission.id).toBe(submissionId);
      const ack = await again.decide(resumed, 'approve');
      expect(ack).toMatchObject({ ok: true, result: 'decided', outcome: 'approved' });
      expect(await held(again)).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('another reviewer sees none of it, and a released task is no longer held', async () => {
    await submit();
    await pending(1);
    const rita = await reviewers.connect('rita@test.local');
    const rob = await reviewers.connect('rob@test.local');
    const task = (await rita.claim())!;
    expect(await held(rob)).toEqual([]);
    expect((await held(rita)).map((t) => t.task.id)).toEqual([task.task.id]);
    const released = await rita.send('release', {
      taskId: task.task.id,
      leaseToken: task.task.leaseToken,
    });
    expect(released.ok).toBe(true);
    expect(await held(rita)).toEqual([]);
  });

  it('a lapsed lease is not offered back', async () => {
    await submit();
    await pending(1);
    const rita = await reviewers.connect('rita@test.local');
    const task = (await rita.claim())!;
    await arbiter.db.query(
      `UPDATE review_tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`,
      [task.task.id],
    );
    expect(await held(rita)).toEqual([]);
  });
});
