import { ShadowScorer } from '@arbiter/shadow';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers } from '../support/reviewer.client';

interface Comparison {
  shadowVersion: number;
  activeVersion: number;
  items: number;
  agreement: number | null;
  active: { automationRate: number | null };
  shadow: { automationRate: number | null; approvedButHumanRejected: number };
  humanDecided: number;
}

/** A candidate policy version scores live traffic beside the active one; only the active one routes. */
describe('shadow policy versions', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });

  /** The next task the reviewer can claim, once the queue has one. */
  const nextTask = (reviewer: Awaited<ReturnType<typeof reviewers.connect>>) =>
    expectEventually(async () => {
      const t = await reviewer.claim();
      expect(t).not.toBeNull();
      return t!;
    });

  /** The shadow comparison, once `ready` holds of it (the worker records shadows after routing). */
  const shadowComparison = (admin: { token: string }, ready: (c: Comparison) => void) =>
    expectEventually(async () => {
      const res = await arbiter.http.get<Comparison>('/v1/pipelines/support/shadow', admin);
      ready(res.body);
      return res.body;
    });

  it("records what the shadow would have done and compares it with people's verdicts, without routing by it", async () => {
    await arbiter.reset();
    const admin = { token: await arbiter.adminAccessToken() };
    const review = { queue: 'support', priority: 5, sla: '30m', reasonCodes: ['inaccurate'] };
    await arbiter.putPolicy('support', policy({ ...ALWAYS_HUMAN, review })); // v1, active: people decide
    await arbiter.putPolicy('support', policy({ review }), false); // v2: would approve everything
    expect(
      (await arbiter.http.put('/v1/pipelines/support/shadow', { version: 1 }, admin)).status,
    ).toBe(409);
    expect(
      (await arbiter.http.put('/v1/pipelines/support/shadow', { version: 2 }, admin)).status,
    ).toBe(200);
    arbiter.worker!.get(ShadowScorer).forget(); // the worker reads the setting every 5 s; now, in this test

    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        (
          await arbiter.http.post<{ id: string }>(
            '/v1/submissions',
            submissionBody({ externalId: `s${i}` }),
            { token: arbiter.bootstrapKey },
          )
        ).body.id,
      );
    await arbiter.waitForQueuesIdle();
    const statuses = await arbiter.db.query(`SELECT status FROM submissions WHERE id = ANY($1)`, [
      ids,
    ]);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual([
      'human_review',
      'human_review',
      'human_review',
      'human_review',
    ]);

    const rita = await reviewers.connect('rita@example.com');
    for (const verdict of ['reject', 'reject', 'approve', 'approve']) {
      const task = await nextTask(rita);
      expect(
        (
          await rita.decide(
            task,
            verdict,
            verdict === 'reject' ? { reasonCodes: ['inaccurate'] } : {},
          )
        ).ok,
      ).toBe(true);
    }
    const comparison = await shadowComparison(admin, (c) => expect(c.items).toBe(4));
    expect(comparison).toMatchObject({
      activeVersion: 1,
      shadowVersion: 2,
      agreement: 0,
      active: { automationRate: 0 },
      shadow: { automationRate: 1, approvedButHumanRejected: 2 },
      humanDecided: 4,
    });
    expect(
      (await arbiter.http.request('DELETE', '/v1/pipelines/support/shadow', undefined, admin))
        .status,
    ).toBe(204);
    expect((await arbiter.http.get('/v1/pipelines/support/shadow', admin)).status).toBe(404);
  });

  // The README's advice for `scoring.shortAnswers` (opt-in: on held-out answers it approves some
  // wrong ones): try it as a shadow on the pipeline's own traffic and read, before activating it,
  // what it would have approved that people rejected.
  it('shows on live traffic what the short-answer model would approve, beside the pooled model', async () => {
    await arbiter.reset();
    const admin = { token: await arbiter.adminAccessToken() };
    const review = { queue: 'support', priority: 5, sla: '30m', reasonCodes: ['inaccurate'] };
    // No `signals:`: the fitted model; no aiReview section: the AI-review band goes to people.
    const pooled = { validators: [], thresholds: { autoApprove: 0.85, aiReview: 0.5 }, review };
    await arbiter.putPolicy('support', pooled); // v1, active
    await arbiter.putPolicy('support', { ...pooled, scoring: { shortAnswers: true } }, false); // v2
    expect(
      (await arbiter.http.put('/v1/pipelines/support/shadow', { version: 2 }, admin)).status,
    ).toBe(200);
    arbiter.worker!.get(ShadowScorer).forget();

    const input = {
      prompt: 'How much is express delivery?',
      context: [
        {
          id: 'kb-1',
          text: 'Standard delivery takes 3 to 5 working days within Peninsular Malaysia.',
        },
        { id: 'kb-2', text: 'Express delivery arrives the next working day and costs RM15.' },
      ],
    };
    const answers = {
      right: 'Express delivery is RM15 and you get it the next working day.',
      wrong: 'Express delivery is RM25 and you get it the next working day.',
    };
    for (const [name, text] of Object.entries(answers))
      expect(
        (
          await arbiter.http.post(
            '/v1/submissions',
            submissionBody({ externalId: name, input, output: { text } }),
            { token: arbiter.bootstrapKey },
          )
        ).status,
      ).toBe(202);
    await arbiter.waitForQueuesIdle();
    const rows = await arbiter.db.query(
      `SELECT s.external_id, s.status, sh.shadow_route FROM submissions s
         JOIN shadow_scores sh ON sh.submission_id = s.id ORDER BY s.external_id`,
    );
    // The pooled model approves neither short answer; the short-answer model approves the right
    // one and keeps the wrong amount with people.
    expect(rows).toEqual([
      { external_id: 'right', status: 'human_review', shadow_route: 'approved' },
      { external_id: 'wrong', status: 'human_review', shadow_route: 'human_review' },
    ]);

    const rita = await reviewers.connect('rita@example.com');
    for (let i = 0; i < 2; i++) {
      const task = await nextTask(rita);
      const wrong = JSON.stringify(task).includes('RM25');
      const decided = await rita.decide(
        task,
        wrong ? 'reject' : 'approve',
        wrong ? { reasonCodes: ['inaccurate'] } : {},
      );
      expect(decided.ok).toBe(true);
    }
    const comparison = await shadowComparison(admin, (c) => expect(c.humanDecided).toBe(2));
    expect(comparison).toMatchObject({
      items: 2,
      agreement: 0.5,
      active: { automationRate: 0 },
      shadow: { automationRate: 0.5, approvedButHumanRejected: 0 },
    });
  });
});
