import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { ReviewerClient } from '../support/reviewer.client';

type SkilledTask = { requiredSkills: string[]; skillFallback: boolean; id: string };

/**
 * Routing by skill: a submission in a language the policy lists (`review.skills`) is offered only
 * to reviewers who read it; when none is on shift the task waits (nothing is lost), or, with
 * `review.skillFallback`, goes to anyone of the queue after that long, flagged.
 */
describe('review routing by skill (language)', () => {
  let arbiter: ArbiterHarness;
  const open: ReviewerClient[] = [];

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  }, 60_000);

  afterEach(() => open.splice(0).forEach((r) => r.close()));

  afterAll(async () => {
    await arbiter?.stop();
  });

  /** A reviewer of `queue` who reads these languages, signed in with a live socket. */
  async function reviewer(email: string, queue: string, skills: string[]): Promise<ReviewerClient> {
    const admin = { token: await arbiter.adminAccessToken() };
    const created = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      { email, password: 'reviewer-pass-1', role: 'reviewer', queues: [queue], skills },
      admin,
    );
    expect(created.status).toBe(201);
    const login = await arbiter.http.post<{ accessToken: string }>('/v1/auth/login', {
      email,
      password: 'reviewer-pass-1',
    });
    const client = await ReviewerClient.connect(arbiter, created.body.id, login.body.accessToken);
    open.push(client);
    return client;
  }

  async function submit(pipeline: string, language?: string): Promise<string> {
    const body = submissionBody({
      pipeline,
      input: {
        prompt: 'Where is my claim?',
        context: [{ id: 'd1', text: 'Claims are paid within ten days.' }],
        ...(language ? { language } : {}),
      },
    });
    const res = await arbiter.http.post<{ id: string }>('/v1/submissions', body, {
      token: arbiter.bootstrapKey,
    });
    expect(res.status).toBe(202);
    const submissionId = res.body.id;
    // The task exists (and is dispatched) before anyone claims.
    await expectEventually(
      async () => {
        const rows = await arbiter.db.query(
          `SELECT status FROM review_tasks WHERE submission_id = $1`,
          [submissionId],
        );
        expect(rows).toEqual([{ status: 'pending' }]);
      },
      20_000,
      100,
    );
    return submissionId;
  }

  const taskOf = async (submissionId: string) =>
    (
      await arbiter.db.query(
        `SELECT id, status, claimed_by AS "claimedBy", required_skills AS "requiredSkills" FROM review_tasks WHERE submission_id = $1`,
        [submissionId],
      )
    )[0];

  it('gives a Thai-tagged task only to a reviewer with th; when none is on shift it waits, and the first one who comes takes it', async () => {
    await arbiter.putPolicy(
      'claims',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'claims', sla: '30m', skills: ['th', 'ms'] } }),
    );
    const alice = await reviewer('alice@skills.local', 'claims', ['en']);
    const thai = await submit('claims', 'th-TH');
    expect(await taskOf(thai)).toMatchObject({ status: 'pending', requiredSkills: ['th'] });

    // Nobody with th on shift: alice is not offered it, and it stays, pending and counted.
    expect(await alice.claim()).toBeNull();
    expect(await taskOf(thai)).toMatchObject({ status: 'pending', claimedBy: null });
    const queues = await alice.send<never>('queues');
    expect(queues).toMatchObject({ ok: true });
    expect(JSON.stringify(queues)).toContain('"waiting":1');

    // English (not listed) goes to anyone of the queue; the Thai task is still left for a reader.
    const english = await submit('claims', 'en');
    expect((await alice.claim())?.submission.id).toBe(english);
    expect(await taskOf(thai)).toMatchObject({ status: 'pending' });

    // A Thai reader comes on shift and gets it, flagged as needing th (not as a fallback).
    const somchai = await reviewer('somchai@skills.local', 'claims', ['th']);
    const claimed = await somchai.claim();
    expect(claimed?.submission.id).toBe(thai);
    expect(claimed?.task as unknown as SkilledTask).toMatchObject({
      requiredSkills: ['th'],
      skillFallback: false,
    });
    expect(await taskOf(thai)).toMatchObject({ status: 'claimed', claimedBy: somchai.userId });
  }, 60_000);

  it('with review.skillFallback, offers the task to anyone of the queue once nobody with the skill took it, flagged', async () => {
    await arbiter.putPolicy(
      'claims-fallback',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'claims-fallback', sla: '30m', skills: ['th'], skillFallback: '1s' },
      }),
    );
    const bob = await reviewer('bob@skills.local', 'claims-fallback', []);
    const thai = await submit('claims-fallback', 'th');
    const claimed = await expectEventually(
      async () => {
        const task = await bob.claim();
        expect(task?.submission.id).toBe(thai);
        return task!;
      },
      20_000,
      200,
    );
    expect(claimed.task as unknown as SkilledTask).toMatchObject({
      requiredSkills: ['th'],
      skillFallback: true,
    });
  }, 60_000);

  it('refuses a policy whose skills are not language codes, or a fallback without skills, naming the field', async () => {
    const admin = { token: await arbiter.adminAccessToken() };
    const put = (review: Record<string, unknown>) =>
      arbiter.http.put(
        '/v1/pipelines/bad-skills',
        { pipeline: 'bad-skills', ...policy({ review: { queue: 'q', ...review } }) },
        admin,
      );
    const notCode = await put({ skills: ['Thai'] });
    expect(notCode.status).toBe(400);
    expect(JSON.stringify(notCode.body)).toContain('review.skills');
    const lonely = await put({ skillFallback: '30m' });
    expect(lonely.status).toBe(400);
    expect(JSON.stringify(lonely.body)).toContain('needs review.skills');
    const badDuration = await put({ skills: ['th'], skillFallback: 'soon' });
    expect(badDuration.status).toBe(400);
    expect(JSON.stringify(badDuration.body)).toContain('review.skillFallback');
  });
});
