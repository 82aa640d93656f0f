import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, TaskView } from '../support/reviewer.client';

const GUIDELINES =
  '# Support answers\n\n- Approve only answers the context supports.\n- Reject promises of refunds (reason: wrong-facts).';

/** review.guidelines: written in the policy, carried by every task view the desk shows. */
describe('review: the policy’s guidelines travel with each task', () => {
  let arbiter: ArbiterHarness;
  let admin: string;
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
    admin = await arbiter.adminAccessToken();
  });

  const review = (extra: Record<string, unknown> = {}) => ({
    ...ALWAYS_HUMAN,
    review: { queue: 'support', sla: '30m', ...extra },
  });
  const submitAndWait = async () => {
    await arbiter.http.post('/v1/submissions', submissionBody(), { token: arbiter.bootstrapKey });
    await expectEventually(async () => {
      const rows = await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE status = 'pending'`);
      expect(rows).toHaveLength(1);
    });
  };

  it('shows the guidelines of the version that judged the submission, on claim and on read', async () => {
    await arbiter.putPolicy('support', policy(review({ guidelines: GUIDELINES })));
    await submitAndWait();
    // A newer version with other guidelines: the task keeps the ones it was judged under.
    await arbiter.putPolicy('support', policy(review({ guidelines: 'Newer guidelines' })));

    const rita = await reviewers.connect('rita@test.local');
    const claimed = (await rita.claim())!;
    expect(claimed.guidelines).toBe(GUIDELINES);
    const read = await arbiter.http.get<TaskView>(`/v1/review/tasks/${claimed.task.id}`, {
      token: rita.token,
    });
    expect(read.status).toBe(200);
    expect(read.body.guidelines).toBe(GUIDELINES);
  });

  it('is null for a policy without guidelines', async () => {
    await arbiter.putPolicy('support', policy(review()));
    await submitAndWait();
    const rita = await reviewers.connect('rita@test.local');
    expect((await rita.claim())!.guidelines).toBeNull();
  });

  it.each([
    ['blank', '  \n ', /must not be blank/],
    ['too long', 'x'.repeat(20_001), /20000/],
    ['not text', ['a list'], /must be text \(plain or markdown\)/],
  ])('refuses %s guidelines, naming review.guidelines', async (_what, guidelines, message) => {
    const res = await arbiter.http.put<{ problems: { path: string; message: string }[] }>(
      '/v1/pipelines/support',
      { pipeline: 'support', ...policy(review({ guidelines })) },
      { token: admin },
    );
    expect(res.status).toBe(400);
    expect(res.body.problems).toContainEqual({
      path: 'review.guidelines',
      message: expect.stringMatching(message),
    });
  });
});
