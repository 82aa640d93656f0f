import { ScheduledRecalibration } from '@arbiter/pipelines';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { OpenReviewers } from '../support/reviewer.client';

/**
 * Scheduled recalibration with autoApply lowers auto-approve by a step; when the step takes it
 * under the AI-review threshold, aiReview comes down with it (a policy with aiReview above
 * autoApprove is invalid), as applying a calibration does, instead of the run failing.
 */
describe('oversight: scheduled recalibration below the AI-review threshold', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });

  it('lowers aiReview with autoApprove and applies the step', async () => {
    await arbiter.reset();
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0.999 },
        review: { queue: 'support', reasonCodes: ['inaccurate'] },
        recalibration: {
          every: '1h',
          targetError: 0.4,
          minVerdicts: 1,
          autoApply: true,
          maxStep: 0.05,
        },
      }),
    );
    const right = { text: 'The capital of France is Paris.' };
    const wrong = { text: 'The capital of France is Lyon, on the Rhône, since 1820.' };
    let seq = 0;
    const ids: string[] = [];
    for (const output of [...Array(6).fill(right), ...Array(6).fill(wrong)]) {
      const res = await arbiter.http.post<{ id: string }>(
        '/v1/submissions',
        submissionBody({ externalId: `rb-${seq++}`, output }),
        { token: arbiter.bootstrapKey },
      );
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    await expectEventually(async () => {
      const rows: { status: string }[] = await arbiter.db.query(
        `SELECT status FROM submissions WHERE id = ANY($1)`,
        [ids],
      );
      expect(rows.filter((r) => r.status === 'human_review')).toHaveLength(ids.length);
    }, 30_000);
    const alice = await reviewers.connect('alice@test.local');
    for (let i = 0; i < ids.length; i++) {
      const task = (await alice.claim())!;
      if (task.submission.output.text === right.text) await alice.decide(task, 'approve');
      else await alice.decide(task, 'reject', { reasonCodes: ['inaccurate'] });
    }
    // Dated ahead of any run the worker's own schedule made.
    const run = await arbiter
      .worker!.get(ScheduledRecalibration)
      .execute(new Date(Date.now() + 2 * 3_600_000));
    expect(run).toEqual({ support: 'applied' });
    const [active]: { document: { thresholds: { autoApprove: number; aiReview: number } } }[] =
      await arbiter.db.query(
        `SELECT v.document FROM pipelines p JOIN policy_versions v ON v.pipeline_id = p.id AND v.version = p.active_version WHERE p.key = 'support'`,
      );
    expect(active.document.thresholds).toMatchObject({ autoApprove: 0.95, aiReview: 0.95 });
  });
});
