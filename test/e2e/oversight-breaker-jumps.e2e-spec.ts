import { loadConfig } from '@arbiter/config';
import { generateWebhookSecret } from '@arbiter/delivery';
import { AutomationBreaker } from '@arbiter/oversight';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { approve, FakeLlmServer, fakeLlmProviders } from '../support/fake-llm.server';
import { policy, submissionBody } from '../support/fixtures';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

/**
 * The breaker's jump trips through the real API, worker and AI reviewer: a jump of the share of
 * outputs failing a hard gate, or of AI-reviewer calls that fault, between the window before and
 * the current one opens it. Their alerts go to the pipeline's own receivers (policy `alerts`),
 * signed with ARBITER_ALERT_WEBHOOK_SECRET; no global target is configured here.
 */
describe("oversight: the breaker trips on jumps, and alerts reach the pipeline's own receiver", () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  let llm: FakeLlmServer;
  const alertSecret = generateWebhookSecret();

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    llm = await FakeLlmServer.start();
    const providers = fakeLlmProviders(llm, { timeoutMs: 1000 });
    arbiter = await ArbiterHarness.start({
      config: {
        webhooks: testWebhookConfig(),
        // Only the secret: every alert target here is a pipeline's own.
        alerts: { webhookUrl: null, webhookSecret: alertSecret, slackUrl: null },
        aiReview: {
          ...loadConfig({}).aiReview,
          providers,
          retries: 0,
          retryBaseMs: 10,
          // The provider's own breaker stays shut: every faulting call is made and counted.
          breakerFailures: 1_000_000,
        },
      },
    });
  });
  afterAll(async () => {
    await arbiter.stop();
    await llm.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    await arbiter.reset();
    receiver.reset();
    receiver.secrets = [alertSecret];
  });

  let seq = 0;
  const submit = async (pipeline: string, output: string): Promise<string> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline, externalId: `j-${seq++}`, output: { text: output } }),
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const submitAll = (pipeline: string, outputs: string[]) =>
    Promise.all(outputs.map((o) => submit(pipeline, o)));
  const settled = (ids: string[]) =>
    expectEventually(async () => {
      const rows: { id: string; status: string; decision: { reasons: { code: string }[] } }[] =
        await arbiter.db.query(`SELECT id, status, decision FROM submissions WHERE id = ANY($1)`, [
          ids,
        ]);
      expect(
        rows.filter((r) => ['approved', 'rejected', 'human_review'].includes(r.status)),
      ).toHaveLength(ids.length);
      return rows;
    }, 30_000);
  /** Moves submissions (and their AI calls) into the window before the current one. */
  const intoPreviousWindow = async (ids: string[]) => {
    await arbiter.db.query(
      `UPDATE submissions SET created_at = now() - interval '15 minutes' WHERE id = ANY($1)`,
      [ids],
    );
    await arbiter.db.query(
      `UPDATE ai_review_calls SET created_at = now() - interval '15 minutes' WHERE submission_id = ANY($1)`,
      [ids],
    );
  };
  const oversight = async (key = 'support') =>
    (
      await arbiter.http.get<{
        breaker: { state: string; settings: Record<string, unknown> };
        history: { cause: string; toState: string; figures: Record<string, number> }[];
      }>(`/v1/pipelines/${key}/oversight`, { token: await arbiter.adminAccessToken() })
    ).body;
  const sweep = () => arbiter.worker!.get(AutomationBreaker).sweep();
  const short = 'The capital of France is Paris.';
  const long = `The capital of France is Paris. ${'Paris has many museums. '.repeat(6)}`;

  it("a jump of hard-gate failures opens the breaker; its alert goes, signed, to the pipeline's receivers only", async () => {
    const gated = (overrides: Record<string, unknown> = {}) =>
      policy({
        validators: [{ type: 'length', max: 60, onFail: 'human' }],
        breaker: { maxGateFailureJump: 0.3, jumpWindow: '10m', minRouted: 10 },
        ...overrides,
      });
    await arbiter.putPolicy(
      'support',
      gated({
        alerts: {
          webhookUrl: receiver.url('/support-alerts'),
          slackUrl: receiver.url('/support-slack'),
        },
      }),
    );
    await arbiter.putPolicy(
      'billing',
      gated({ alerts: { webhookUrl: receiver.url('/billing-alerts') } }),
    );
    expect((await oversight()).breaker.settings).toMatchObject({
      maxGateFailureJump: 0.3,
      maxAiFaultJump: null,
      jumpWindowMs: 600_000,
      minRouted: 10,
    });

    // The window before: 20 outputs, one failing the length gate (5 %).
    const before = await submitAll('support', [long, ...Array(19).fill(short)]);
    await settled(before);
    await intoPreviousWindow(before);
    expect(await sweep()).toBe(0);
    expect((await oversight()).breaker.state).toBe('closed');

    // Now: 20 outputs, 9 failing (45 %): a jump of 40 points, above 30.
    const now = await submitAll('support', [...Array(9).fill(long), ...Array(11).fill(short)]);
    const rows = await settled(now);
    expect(rows.filter((r) => r.status === 'human_review')).toHaveLength(9);
    await expectEventually(async () => {
      await sweep();
      expect((await oversight()).breaker.state).toBe('open');
    });
    const [trip] = (await oversight()).history;
    expect(trip).toMatchObject({
      cause: 'gate_failures',
      toState: 'open',
      figures: { current: 0.45, baseline: 0.05, items: 20, baselineItems: 20, maxJump: 0.3 },
    });

    // Held: an output that passes every gate is no longer approved on its own.
    const [held] = await settled([await submit('support', short)]);
    expect(held.status).toBe('human_review');
    expect(held.decision.reasons[0].code).toBe('breaker.open');
    // The other pipeline, with its own traffic unchanged, is not touched.
    expect((await oversight('billing')).breaker.state).toBe('closed');

    // The alert reached the pipeline's webhook, signed with the alert secret, and its Slack.
    await expectEventually(() => {
      const hooks = receiver.received.filter((r) => r.path === '/support-alerts');
      expect(hooks).toHaveLength(1);
      expect(hooks[0].verifiedWith).toEqual([alertSecret]);
      expect(hooks[0].payload).toMatchObject({
        type: 'alert.firing',
        data: {
          kind: 'breaker_open',
          message: expect.stringContaining(
            'hard-gate failures rose from 5.0 % (1 of 20) to 45.0 % (9 of 20)',
          ),
        },
      });
      const slack = receiver.received.filter((r) => r.path === '/support-slack');
      expect(slack.map((h) => (JSON.parse(h.body) as { text: string }).text)).toEqual([
        expect.stringContaining('Pipeline support: automation breaker open'),
      ]);
    });
    expect(receiver.received.filter((r) => r.path === '/billing-alerts')).toEqual([]);
    const [alert] = await arbiter.db.query(
      `SELECT notifications FROM alerts WHERE key LIKE 'breaker-open:%'`,
    );
    expect(alert.notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target: 'webhook', scope: 'pipeline', statusCode: 204 }),
        expect.objectContaining({ target: 'slack', scope: 'pipeline', statusCode: 204 }),
      ]),
    );

    // A lead closes it: the resolve goes to the same receivers. Judged afresh from the close,
    // the jump that opened it does not open it again.
    const admin = await arbiter.adminAccessToken();
    for (const state of ['closed', 'auto'])
      expect(
        (
          await arbiter.http.put(
            '/v1/pipelines/support/breaker',
            { state, reason: 'gate fixed upstream' },
            { token: admin },
          )
        ).status,
      ).toBe(200);
    await sweep();
    expect((await oversight()).breaker.state).toBe('closed');
    await expectEventually(() =>
      expect(
        receiver.received
          .filter((r) => r.path === '/support-alerts')
          .map((h) => (h.payload as { type: string }).type),
      ).toEqual(['alert.firing', 'alert.resolved']),
    );
  });

  it('a jump of AI-reviewer faults opens the breaker', async () => {
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        aiReview: { providers: ['llm'], approveAt: 0.9 },
        breaker: { maxAiFaultJump: 0.5, jumpWindow: '10m', minRouted: 10 },
      }),
    );
    llm.script(() => ({ verdict: approve(0.97) }));
    const before = await submitAll('support', Array(12).fill(short));
    expect((await settled(before)).every((r) => r.status === 'approved')).toBe(true);
    await intoPreviousWindow(before);

    llm.script(() => ({ status: 503 }));
    const now = await submitAll('support', Array(12).fill(short));
    const rows = await settled(now);
    expect(rows.every((r) => r.status === 'human_review')).toBe(true);
    await expectEventually(async () => {
      await sweep();
      expect((await oversight()).breaker.state).toBe('open');
    });
    expect((await oversight()).history[0]).toMatchObject({
      cause: 'ai_faults',
      figures: { current: 1, baseline: 0, baselineItems: 12 },
    });
  });

  it('refuses loop settings that cannot act, and alert targets it would not call', async () => {
    const admin = await arbiter.adminAccessToken();
    for (const [doc, field] of [
      [{ breaker: { jumpWindow: '1h' } }, 'breaker.jumpWindow'],
      [{ breaker: { minRouted: 20 } }, 'breaker.minRouted'],
      [{ breaker: { maxGateFailureJump: 0 } }, 'breaker.maxGateFailureJump'],
      [{ breaker: { maxGateFailureJump: 1.5 } }, 'breaker.maxGateFailureJump'],
      [{ breaker: { maxAiFaultJump: 0.2 } }, 'breaker.maxAiFaultJump'],
      [{ breaker: { maxGateFailureJump: 0.2, jumpWindow: 'soon' } }, 'breaker.jumpWindow'],
      [{ alerts: { webhookUrl: 'ftp://hooks.example.com/x' } }, 'alerts.webhookUrl'],
      [{ alerts: { slackUrl: 'http://10.0.0.8/hook' } }, 'alerts.slackUrl'],
      [{ alerts: { email: 'ops@example.com' } }, 'alerts'],
    ] as const) {
      const res = await arbiter.http.put(
        '/v1/pipelines/support',
        { pipeline: 'support', ...policy(doc) },
        { token: admin },
      );
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });
});
