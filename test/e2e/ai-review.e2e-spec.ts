import { loadConfig } from '@arbiter/config';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import {
  approve,
  FakeLlmServer,
  FakeReply,
  reject,
  fakeLlmProviders,
} from '../support/fake-llm.server';
import { policy, submissionBody } from '../support/fixtures';
import { WorkerMetrics } from '../../apps/worker/src/common/worker-metrics.service';

interface View {
  id: string;
  status: string;
  decision: {
    outcome: string | null;
    route: string;
    decidedBy?: string;
    reasons: { code: string; message: string }[];
    aiReview?: {
      provider: string;
      verdict: string;
      confidence: number;
      reasons: string[];
      problematicSpans: { text: string; start?: number; end?: number }[];
    } | null;
  } | null;
  timeline: { type: string; to: string | null; data: Record<string, unknown> | null }[];
}

const COOLDOWN_MS = 1200;

describe('AI review stage (real chat-completions server)', () => {
  let llm: FakeLlmServer;
  let arbiter: ArbiterHarness;

  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    const providers = fakeLlmProviders(
      llm,
      { name: 'llm', timeoutMs: 400 },
      { name: 'llm-b', model: 'fake-b', timeoutMs: 400 },
      { name: 'far', model: 'fake-far', region: 'us-east-1', timeoutMs: 400 },
    );
    const base = loadConfig({}).aiReview;
    arbiter = await ArbiterHarness.start({
      config: {
        aiReview: {
          ...base,
          providers,
          retries: 1,
          retryBaseMs: 10,
          breakerFailures: 2,
          breakerCooldownMs: COOLDOWN_MS,
        },
      },
    });
  });
  afterAll(async () => {
    await arbiter.stop();
    await llm.stop();
  });
  beforeEach(async () => {
    await arbiter.reset();
    llm.script(() => ({ status: 500 })); // each test scripts its own answers; this forgets earlier requests
  });

  const view = async (id: string) =>
    (await arbiter.http.get<View>(`/v1/submissions/${id}`, { token: arbiter.bootstrapKey })).body;
  const submit = async (body: Record<string, unknown> = {}) => {
    const res = await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(body), {
      token: arbiter.bootstrapKey,
    });
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const settled = (id: string) =>
    expectEventually(async () => {
      const v = await view(id);
      expect(['approved', 'rejected', 'human_review']).toContain(v.status);
      return v;
    }, 20_000);
  const usePolicy = (aiReview: Record<string, unknown>) =>
    arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        aiReview: { approveAt: 0.9, ...aiReview },
      }),
    );
  const calls = (v: View) =>
    v.timeline
      .filter((e) => e.type === 'ai_review.call')
      .map((e) => e.data as Record<string, unknown>);

  it.each<[string, FakeReply, Record<string, unknown>, string, string | undefined]>([
    [
      'approve above approveAt',
      { verdict: approve(0.97), usage: { prompt_tokens: 1000, completion_tokens: 100 } },
      {},
      'approved',
      'ai',
    ],
    ['approve below approveAt', { verdict: approve(0.6) }, {}, 'human_review', undefined],
    [
      'unsure',
      {
        verdict: {
          verdict: 'unsure',
          confidence: 0.99,
          reasons: ['cannot tell'],
          problematicSpans: [],
        },
      },
      {},
      'human_review',
      undefined,
    ],
    [
      'reject with onReject: reject',
      { verdict: reject(0.95) },
      { onReject: 'reject' },
      'rejected',
      'ai',
    ],
    [
      'reject with onReject: human',
      { verdict: reject(0.95) },
      { onReject: 'human' },
      'human_review',
      undefined,
    ],
  ])('routes a verdict: %s', async (_name, reply, extra, status, decidedBy) => {
    llm.script(() => reply);
    await usePolicy({ providers: ['llm'], ...extra });
    const done = await settled(await submit());
    expect(done.status).toBe(status);
    expect(done.decision?.decidedBy).toBe(decidedBy);
    expect(done.decision?.aiReview).toMatchObject({
      provider: 'llm',
      verdict: (reply as { verdict: { verdict: string } }).verdict.verdict,
    });
    // Order-insensitive: SubmissionRepository.events orders by the text-cast id (see the report).
    expect(
      done.timeline
        .map((e) => e.to)
        .filter(Boolean)
        .sort(),
    ).toEqual(['received', 'scoring', 'ai_review', 'ai_review', status].sort());
    const [call] = calls(done);
    expect(call).toMatchObject({
      provider: 'llm',
      model: 'fake-a',
      region: 'ap-southeast-1',
      outcome: 'ok',
      verdict: expect.any(String),
      latencyMs: expect.any(Number),
      inputTokens: expect.any(Number),
      costUsd: expect.any(Number),
    });
    if (status === 'approved') {
      expect(call).toMatchObject({
        inputTokens: 1000,
        outputTokens: 100,
        usageReported: true,
        costUsd: 0.013,
      });
      const rows = await arbiter.db.query(
        `SELECT provider, region, verdict, cost_usd::float AS cost FROM ai_review_calls WHERE submission_id = $1`,
        [done.id],
      );
      expect(rows).toEqual([
        { provider: 'llm', region: 'ap-southeast-1', verdict: 'approve', cost: 0.013 },
      ]);
      // Per-provider metrics: spend, tokens and latency (counters accumulate over the file's tests).
      const metrics = await arbiter.worker!.get(WorkerMetrics).registry.metrics();
      expect(metrics).toMatch(/arbiter_ai_provider_spend_usd_total\{provider="llm"\} 0\.0[1-9]/);
      expect(metrics).toMatch(
        /arbiter_ai_provider_tokens_total\{provider="llm",direction="input"\} [1-9]\d{3}/,
      );
      expect(metrics).toMatch(
        /arbiter_ai_provider_latency_seconds_count\{provider="llm",outcome="ok"\} [1-9]/,
      );
    }
    if (status === 'human_review' && done.decision?.aiReview?.verdict === 'reject') {
      expect(done.decision.aiReview.problematicSpans[0]).toMatchObject({
        text: 'Paris',
        start: expect.any(Number),
      });
    }
  });

  it.each<[string, FakeReply, string]>([
    ['slow beyond the timeout', { verdict: approve(), delayMs: 1500 }, 'timeout'],
    ['HTTP 500', { status: 500 }, 'http_error'],
    [
      'malformed JSON content',
      { content: '{"verdict": "approve", "confidence": 0.99' },
      'malformed',
    ],
    [
      'a verdict failing the schema',
      { verdict: { verdict: 'approve', confidence: 7, reasons: [] } },
      'schema',
    ],
    ['a body that is not chat-completions', { status: 200, body: '<html>ok</html>' }, 'malformed'],
  ])('a fault never approves: %s → human review with the reason', async (_name, reply, kind) => {
    llm.script(() => reply);
    await usePolicy({ providers: ['llm'] });
    const done = await settled(await submit());
    expect(done.status).toBe('human_review');
    expect(done.decision?.outcome).toBeNull();
    expect(done.decision?.reasons[0]).toMatchObject({
      code: 'ai_review.unavailable',
      message: expect.stringContaining(kind),
    });
    expect(calls(done).every((c) => c.outcome === kind)).toBe(true);
  });

  it("a reviewer's answer that is not JSON is not copied into the submission's records (erasure could not find it there)", async () => {
    // Models often think aloud before (or instead of) their JSON, quoting the output as they go.
    llm.script(() => ({
      content: 'The answer says QUOTED-WORDS Lyon is the capital, which the context contradicts.',
    }));
    await usePolicy({ providers: ['llm'] });
    const id = await submit({ externalId: 'subject-quoted' });
    const done = await settled(id);
    expect(done.status).toBe('human_review');
    expect(done.decision?.reasons[0]).toMatchObject({
      code: 'ai_review.unavailable',
      message: expect.stringContaining('malformed'),
    });
    expect(calls(done).every((c) => c.outcome === 'malformed')).toBe(true);

    const erase = await arbiter.http.delete('/v1/submissions?externalId=subject-quoted', {
      token: arbiter.bootstrapKey,
    });
    expect(erase).toMatchObject({ status: 200, body: { erased: 1 } });
    const tables: { tablename: string }[] = await arbiter.db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const copies: string[] = [];
    for (const { tablename } of tables) {
      const [row] = await arbiter.db.query(
        `SELECT coalesce(string_agg(t::text, E'\\n'), '') AS dump FROM "${tablename}" t`,
      );
      for (const hit of (row.dump as string).match(/.{0,60}QUOTED-WORDS.{0,60}/g) ?? [])
        copies.push(`${tablename}: ${hit}`);
    }
    expect(copies).toEqual([]);
  });

  it('never calls a provider outside the allowed regions, and falls back to the next one', async () => {
    llm.script((req) =>
      req.body.model === 'fake-a' ? { status: 503 } : { verdict: approve(0.96) },
    );
    await usePolicy({ providers: ['far', 'llm', 'llm-b'], regions: ['ap-southeast-1'] });
    const done = await settled(await submit());
    expect(llm.received.map((r) => r.body.model)).not.toContain('fake-far');
    expect(done.timeline.find((e) => e.type === 'ai_review.skipped')?.data).toMatchObject({
      provider: 'far',
      reason: 'region_not_allowed',
    });
    expect(done.status).toBe('approved');
    expect(done.decision?.aiReview?.provider).toBe('llm-b');
    expect(calls(done).map((c) => [c.provider, c.outcome])).toEqual([
      ['llm', 'http_error'],
      ['llm', 'http_error'],
      ['llm-b', 'ok'],
    ]);
  });

  it('a region-only chain goes to humans without any call', async () => {
    await usePolicy({ providers: ['far'], regions: ['ap-southeast-1'] });
    const done = await settled(await submit());
    expect(done.status).toBe('human_review');
    expect(done.decision?.reasons[0].message).toContain('region us-east-1 not allowed');
    expect(llm.received).toHaveLength(0);
  });

  it('opens the breaker after repeated failures, skips the provider, then recovers through a half-open probe', async () => {
    llm.script(() => ({ status: 500 }));
    await usePolicy({ providers: ['llm', 'embedded'], approveAt: 0.5 });
    const first = await settled(await submit());
    expect(calls(first).map((c) => c.provider)).toEqual(['llm', 'llm', 'embedded']);
    expect(llm.received).toHaveLength(2);

    const second = await settled(await submit());
    expect(llm.received).toHaveLength(2); // breaker open: not called again
    expect(second.timeline.find((e) => e.type === 'ai_review.skipped')?.data).toMatchObject({
      provider: 'llm',
      reason: 'breaker_open',
    });
    expect(second.decision?.aiReview?.provider).toBe('embedded');

    llm.script(() => ({ verdict: approve(0.99) }));
    // Deliberate passage of time: the breaker's cooldown is what is under test.
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const third = await settled(await submit());
    expect(third.decision?.aiReview?.provider).toBe('llm');
    expect(third.status).toBe('approved');
    const metrics = await arbiter.worker!.get(WorkerMetrics).registry.metrics();
    expect(metrics).toMatch(/arbiter_ai_provider_breaker_state\{provider="llm"\} 0/);
    expect(metrics).toMatch(
      /arbiter_ai_provider_errors_total\{provider="llm",kind="http_error"\} [1-9]/,
    );
  });

  it('respects 429 Retry-After: the job waits in the queue and the provider is called again only after it', async () => {
    llm.script((_req, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { verdict: approve(0.98) },
    );
    await usePolicy({ providers: ['llm'] });
    const done = await settled(await submit());
    expect(done.status).toBe('approved');
    expect(llm.received).toHaveLength(2);
    expect(llm.received[1].at - llm.received[0].at).toBeGreaterThanOrEqual(950);
    expect(calls(done).map((c) => c.outcome)).toEqual(['rate_limited', 'ok']);
  });

  it('stops at the daily budget: items go to humans, one alert is emitted, no more calls; raising it resumes', async () => {
    llm.script(() => ({
      verdict: approve(0.97),
      usage: { prompt_tokens: 1000, completion_tokens: 100 },
    }));
    await usePolicy({ providers: ['llm'], dailyBudgetUsd: 0.01 });
    expect((await settled(await submit())).status).toBe('approved'); // spends 0.013
    const over = await settled(await submit());
    const again = await settled(await submit());
    for (const v of [over, again]) {
      expect(v.status).toBe('human_review');
      expect(v.decision?.reasons[0].code).toBe('ai_review.budget_exhausted');
    }
    expect(llm.received).toHaveLength(1);
    const alerts = [...over.timeline, ...again.timeline].filter(
      (e) => e.type === 'alert.ai_budget_exhausted',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].data).toMatchObject({
      scope: expect.stringMatching(/^pipeline:/),
      budgetUsd: 0.01,
      spentUsd: 0.013,
    });
    const spend = await arbiter.db.query(
      `SELECT scope, spent_usd::float AS usd FROM ai_budget_spend ORDER BY scope`,
    );
    expect(spend).toEqual([
      { scope: expect.stringMatching(/^pipeline:/), usd: 0.013 },
      { scope: 'total', usd: 0.013 },
    ]);

    // An admin raises the budget (a new policy version): AI review resumes at once, the same day.
    await usePolicy({ providers: ['llm'], dailyBudgetUsd: 0.02 });
    expect((await settled(await submit())).status).toBe('approved'); // 0.026 spent now
    expect(llm.received).toHaveLength(2);
    // The raised budget is spent too: a new alert for it.
    const overRaised = await settled(await submit());
    expect(overRaised.status).toBe('human_review');
    expect(
      overRaised.timeline.find((e) => e.type === 'alert.ai_budget_exhausted')?.data,
    ).toMatchObject({ budgetUsd: 0.02, spentUsd: 0.026 });
  });

  it('redacts PII before anything leaves the process and maps it back for reviewers', async () => {
    const email = 'jane.tan@example.com';
    const nric = 'S1234567D';
    const phone = '+65 9123 4567';
    llm.script(() => ({
      verdict: {
        verdict: 'reject',
        confidence: 0.9,
        reasons: ['[EMAIL_1] is not the address on file'],
        problematicSpans: [{ text: 'write to [EMAIL_1]', reason: 'wrong address' }],
      },
    }));
    await usePolicy({ providers: ['llm'], redactPii: true });
    const id = await submit({
      input: {
        prompt: `Customer ${nric} (call ${phone}) asks where to write.`,
        context: [{ id: 'd1', text: `Customer ${nric}, email ${email}, phone ${phone}.` }],
      },
      output: { text: `Please write to ${email} and quote ${nric}.` },
    });
    const done = await settled(id);
    expect(llm.received).toHaveLength(1);
    const sent = llm.received[0].raw;
    for (const value of [email, nric, phone, '9123 4567']) expect(sent).not.toContain(value);
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).toContain('[SG_NRIC_1]');
    expect(done.status).toBe('human_review');
    expect(done.decision?.aiReview?.reasons).toEqual([`${email} is not the address on file`]);
    expect(done.decision?.aiReview?.problematicSpans[0]).toMatchObject({
      text: `write to ${email}`,
      start: 7,
    });
    expect(calls(done)[0]).toMatchObject({ redacted: true });
  });

  it('the embedded reviewer works with no network at all', async () => {
    await usePolicy({ providers: ['embedded'], approveAt: 0.5 });
    // Word for word from the context: the fixture's rephrasing ("The capital of France is Paris.")
    // scores 0.55 in the first pass, where about half the dev band is faithful, so the calibrated
    // reviewer is rightly unsure of it at approveAt 0.5.
    const grounded = await settled(
      await submit({ output: { text: 'Paris is the capital of France.' } }),
    );
    const invented = await settled(
      await submit({
        output: {
          text: 'The capital of France is Lyon, which has 90 million inhabitants since 1200.',
        },
      }),
    );
    expect(llm.received).toHaveLength(0);
    expect(grounded.status).toBe('approved');
    expect(grounded.decision).toMatchObject({
      decidedBy: 'ai',
      aiReview: { provider: 'embedded', verdict: 'approve' },
    });
    expect(invented.status).toBe('human_review');
    expect(invented.decision?.aiReview?.verdict).not.toBe('approve');
    expect(calls(grounded)[0]).toMatchObject({
      provider: 'embedded',
      region: 'in-process',
      costUsd: 0,
    });
  });
});
