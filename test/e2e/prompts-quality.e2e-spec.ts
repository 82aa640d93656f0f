import { loadConfig } from '@arbiter/config';
import { PromptRollbackWatch } from '@arbiter/prompts';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { FakeLlmServer } from '../support/fake-llm.server';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { supportPrompt } from '../support/prompt-fixtures';
import { OpenReviewers, ReviewerClient } from '../support/reviewer.client';

interface Resolved {
  versionId: string;
  version: number;
  messages: { role: string; content: string }[];
}
interface VersionQuality {
  version: number;
  submissions: number;
  humanDecided: number;
  humanRejectRate: number | null;
  automationRate: number | null;
  confidence: { histogram: number[] };
}

/**
 * A generating service's loop against the fake chat-completions server: resolve, generate, submit
 * with the resolved version id; people decide; quality per version; and the worker's rollback of
 * a production version people reject far more often than the one before it.
 */
describe('prompt quality per version and automatic rollback', () => {
  let llm: FakeLlmServer;
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    // The watch runs when the test says (its schedule would otherwise race the scripted verdicts).
    arbiter = await ArbiterHarness.start({
      config: { prompts: { ...loadConfig({}).prompts, watchEveryMs: 3_600_000 } },
    });
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
    await llm.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
  });

  const admin = async () => ({ token: await arbiter.adminAccessToken() });
  const key = () => ({ token: arbiter.bootstrapKey });

  /** What a generating service does: resolve, call its LLM with the messages, submit the answer with the version id. */
  const generateAndSubmit = async (n: number): Promise<Resolved> => {
    let resolved!: Resolved;
    for (let i = 0; i < n; i++) {
      const res = await arbiter.http.post<Resolved>(
        '/v1/prompts/support-answer/resolve',
        { variables: { customer: 'Ana', question: `Question ${i}?` }, unit: `user-${i}` },
        key(),
      );
      expect(res.status).toBe(200);
      resolved = res.body;
      const completion = await fetch(`${llm.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'fake-gen', messages: resolved.messages }),
      });
      const text = ((await completion.json()) as { choices: { message: { content: string } }[] })
        .choices[0].message.content;
      const submitted = await arbiter.http.post(
        '/v1/submissions',
        submissionBody({ output: { text }, promptVersion: resolved.versionId }),
        key(),
      );
      expect(submitted.status).toBe(202);
    }
    return resolved;
  };
  const decideAll = async (reviewer: ReviewerClient, verdicts: ('approve' | 'reject')[]) => {
    for (const verdict of verdicts) {
      const task = await expectEventually(async () => {
        const claimed = await reviewer.claim();
        expect(claimed).not.toBeNull();
        return claimed!;
      }, 20_000);
      const ack = await reviewer.decide(
        task,
        verdict,
        verdict === 'reject' ? { reasonCodes: ['inaccurate'] } : {},
      );
      expect(ack.ok).toBe(true);
    }
  };

  it('links submissions to the resolved version, reports quality per version, and rolls back a degraded production version with an alert', async () => {
    llm.script((req) => ({
      content: req.body.messages?.[0]?.content.includes('two sentences')
        ? 'Refund: soon.'
        : 'Your refund was sent on Monday.',
    }));
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'support', priority: 5, sla: '30m', reasonCodes: ['inaccurate'] },
      }),
    );
    const rollback = { minSamples: 4, maxRejectRateIncrease: 0.3 };
    await arbiter.http.put(
      '/v1/prompts/support-answer',
      supportPrompt({ labels: ['production'], rollback }),
      await admin(),
    );
    const rita = await reviewers.connect('rita@example.com');

    const v1 = await generateAndSubmit(4);
    expect(v1.version).toBe(1);
    await decideAll(rita, ['approve', 'approve', 'approve', 'approve']);

    await arbiter.http.put(
      '/v1/prompts/support-answer',
      supportPrompt(
        { labels: ['production'], rollback },
        'Answer {{customer}} in two sentences at most.',
      ),
      await admin(),
    );
    const v2 = await generateAndSubmit(4);
    expect(v2.version).toBe(2);
    await decideAll(rita, ['reject', 'reject', 'reject', 'approve']);

    // Submissions carry the resolved id; quality is counted per version.
    const linked = await arbiter.db.query(
      `SELECT prompt_version AS v, count(*)::int AS n FROM submissions GROUP BY 1 ORDER BY 2`,
    );
    expect(linked.map((r: { v: string; n: number }) => [r.v, r.n]).sort()).toEqual(
      [
        [v1.versionId, 4],
        [v2.versionId, 4],
      ].sort(),
    );
    await arbiter.http.put(
      '/v1/prompts/support-answer/split',
      { a: '1', b: '2', percent: 50 },
      await admin(),
    );
    const quality = await arbiter.http.get<{
      versions: VersionQuality[];
      abTest: { pValue: number | null; suggestedWinner: string | null; a: { versionId: string } };
    }>('/v1/prompts/support-answer/quality', await admin());
    expect(quality.status).toBe(200);
    expect(
      quality.body.versions.map((v) => [
        v.version,
        v.submissions,
        v.humanDecided,
        v.humanRejectRate,
        v.automationRate,
      ]),
    ).toEqual([
      [1, 4, 4, 0, 0],
      [2, 4, 4, 0.75, 0],
    ]);
    expect(quality.body.versions[0].confidence.histogram.reduce((a, b) => a + b, 0)).toBe(4);
    expect(quality.body.abTest).toMatchObject({
      a: { versionId: v1.versionId },
      pValue: expect.any(Number),
    });
    await arbiter.http.put(
      '/v1/prompts/support-answer/split',
      { a: '1', b: '2', percent: 0 },
      await admin(),
    );

    const watch = arbiter.worker!.get(PromptRollbackWatch);
    const run = await watch.execute();
    expect(run.rolledBack).toEqual([
      {
        prompt: 'support-answer',
        from: 2,
        to: 1,
        cause: expect.stringContaining('human reject rate 75.0% against 0.0%'),
      },
    ]);
    expect((await watch.execute()).rolledBack).toEqual([]); // done once

    const view = await arbiter.http.get<{ labels: Record<string, { version: number }> }>(
      '/v1/prompts/support-answer',
      await admin(),
    );
    expect(view.body.labels.production.version).toBe(1);
    const resolved = await arbiter.http.post<Resolved>(
      '/v1/prompts/support-answer/resolve',
      { variables: { customer: 'Ana', question: 'Again?' } },
      key(),
    );
    expect(resolved.body.version).toBe(1);
    const history = await arbiter.http.get<{
      events: { kind: string; actor: string; figures: Record<string, number> }[];
    }>('/v1/prompts/support-answer/history', await admin());
    expect(history.body.events[0]).toMatchObject({
      kind: 'rolled_back',
      actor: 'prompt-rollback-watch',
      figures: { rejectRate: 0.75, previousRejectRate: 0, samples: 4 },
    });
    const alerts = await arbiter.http.get<{
      alerts: { kind: string; severity: string; status: string; message: string }[];
    }>('/v1/alerts', await admin());
    expect(alerts.body.alerts).toEqual([
      expect.objectContaining({
        kind: 'prompt_rollback',
        severity: 'critical',
        status: 'firing',
        message: expect.stringContaining('version 2 rolled back to version 1'),
      }),
    ]);
  });

  it('does not roll back on too few verdicts, nor a version people like as much', async () => {
    llm.script(() => ({ content: 'Your refund was sent on Monday.' }));
    await arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'support', priority: 5, sla: '30m', reasonCodes: ['inaccurate'] },
      }),
    );
    const rollback = { minSamples: 3, maxRejectRateIncrease: 0.3 };
    await arbiter.http.put(
      '/v1/prompts/support-answer',
      supportPrompt({ labels: ['production'], rollback }),
      await admin(),
    );
    const rita = await reviewers.connect('rita@example.com');
    await generateAndSubmit(3);
    await decideAll(rita, ['approve', 'reject', 'approve']);
    await arbiter.http.put(
      '/v1/prompts/support-answer',
      supportPrompt({ labels: ['production'], rollback }, 'Be brief.'),
      await admin(),
    );
    await generateAndSubmit(2);
    await decideAll(rita, ['reject', 'reject']);
    expect((await arbiter.worker!.get(PromptRollbackWatch).execute()).rolledBack).toEqual([]); // 2 verdicts < 3
    await generateAndSubmit(2);
    await decideAll(rita, ['approve', 'approve']);
    expect((await arbiter.worker!.get(PromptRollbackWatch).execute()).rolledBack).toEqual([]); // 50% vs 33%: within +30 points
  });
});
