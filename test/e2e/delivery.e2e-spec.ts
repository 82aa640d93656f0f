import { expectEventually } from '@arbiter/testing';
import { SubmissionWorkflow } from '@arbiter/workflow';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

describe('outcome webhooks: each event type, signed per Standard Webhooks', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    arbiter = await ArbiterHarness.start({ config: { webhooks: testWebhookConfig() } });
  });
  afterAll(async () => {
    await arbiter.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    await arbiter.reset();
    receiver.reset();
    receiver.secrets = [await secretOf(arbiter.bootstrapKey)];
  });

  const secretOf = async (key: string): Promise<string> => {
    const res = await arbiter.http.get<{ secrets: { secret: string }[] }>('/v1/webhook', {
      token: key,
    });
    expect(res.status).toBe(200);
    return res.body.secrets[0].secret;
  };
  const submit = async (
    overrides: Record<string, unknown> = {},
    key = arbiter.bootstrapKey,
  ): Promise<string> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ callbackUrl: receiver.url(), ...overrides }),
      { token: key },
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const delivery = async (submissionId: string) =>
    (await arbiter.db.query(
      `SELECT e.id, e.type, e.status, e.attempts, a.status_code AS "statusCode", a.outcome, a.latency_ms AS "latencyMs"
         FROM delivery_events e JOIN delivery_attempts a ON a.event_id = e.id WHERE e.submission_id = $1 ORDER BY a.id`,
      [submissionId],
    )) as {
      id: string;
      type: string;
      status: string;
      attempts: number;
      statusCode: number;
      outcome: string;
      latencyMs: number;
    }[];

  it('an approval is delivered with the body, signature and webhook-id a receiver needs', async () => {
    await arbiter.putPolicy('support', policy());
    const id = await submit({ externalId: 'order-17' });
    const [hook] = await receiver.waitFor(1);
    expect(hook.verifiedWith).toEqual(receiver.secrets);
    expect(hook.path).toBe('/hooks');
    expect(hook.payload).toEqual({
      type: 'submission.approved',
      timestamp: expect.any(String),
      data: {
        id,
        externalId: 'order-17',
        pipeline: 'support',
        status: 'approved',
        decision: {
          outcome: 'approved',
          decidedBy: 'auto',
          finalOutput: { text: 'The capital of France is Paris.' },
          reasons: expect.any(Array),
          flags: [],
        },
        decidedAt: expect.any(String),
        links: { submission: `/v1/submissions/${id}`, events: '/v1/events' },
      },
    });
    // The attempt is on record: status, latency, outcome; the webhook-id is the event id.
    await expectEventually(async () =>
      expect(await delivery(id)).toEqual([
        expect.objectContaining({
          id: hook.id,
          type: 'submission.approved',
          status: 'delivered',
          attempts: 1,
          statusCode: 204,
          outcome: 'delivered',
        }),
      ]),
    );
  });

  it('a rejection by a validator is delivered as submission.rejected with its reasons', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ validators: [{ type: 'phrases', deny: ['Paris'], onFail: 'reject' }] }),
    );
    const id = await submit();
    const [hook] = await receiver.waitFor(1);
    expect(hook.verifiedWith).toHaveLength(1);
    expect(hook.payload?.type).toBe('submission.rejected');
    expect(hook.payload?.data).toMatchObject({
      id,
      status: 'rejected',
      decision: { outcome: 'rejected', decidedBy: 'policy', finalOutput: null },
    });
    expect((hook.payload?.data.decision as { reasons: unknown[] }).reasons.length).toBeGreaterThan(
      0,
    );
  });

  it('an expiry is delivered as submission.expired, and routing only to clients that subscribe', async () => {
    await arbiter.putPolicy('support', policy({ thresholds: { autoApprove: 1, aiReview: 1 } }));
    const quiet = await submit();
    await expectEventually(async () =>
      expect(
        (
          await arbiter.http.get<{ status: string }>(`/v1/submissions/${quiet}`, {
            token: arbiter.bootstrapKey,
          })
        ).body.status,
      ).toBe('human_review'),
    );

    // Subscribing to routed events: the next submission's routing is announced too.
    const put = await arbiter.http.put(
      '/v1/webhook',
      { url: null, subscribeRouted: true },
      { token: arbiter.bootstrapKey },
    );
    expect(put.status).toBe(200);
    const loud = await submit();
    const [routed] = await receiver.waitFor(1);
    expect(routed.payload).toMatchObject({
      type: 'submission.routed',
      data: {
        id: loud,
        status: 'human_review',
        decision: { outcome: null, route: 'human_review' },
      },
    });

    // The SLA engine's expiry goes through the workflow like any transition.
    const workflow = arbiter.api.get(SubmissionWorkflow);
    for (const submissionId of [quiet, loud]) {
      expect(
        await workflow.transition({
          submissionId,
          path: ['human_review', 'expired'],
          actor: 'sla',
          patch: {
            decision: {
              outcome: 'expired',
              reasons: [{ code: 'sla.expired', message: 'time-to-live passed' }],
            },
            decided: true,
          },
        }),
      ).toBe(true);
    }
    const hooks = await receiver.waitFor(3);
    const expired = hooks.filter((h) => h.payload?.type === 'submission.expired');
    expect(expired.map((h) => h.payload?.data.id).sort()).toEqual([quiet, loud].sort());
    expect(expired[0].payload?.data.decision).toEqual({
      outcome: 'expired',
      decidedBy: 'policy',
      finalOutput: null,
      reasons: [{ code: 'sla.expired', message: 'time-to-live passed' }],
      flags: [],
    });
    expect(hooks.every((h) => h.verifiedWith.length === 1)).toBe(true);
    // The quiet submission's routing was never announced (it happened before the subscription).
    expect(hooks.filter((h) => h.payload?.type === 'submission.routed')).toHaveLength(1);
  });

  it("a reviewer's edited output is the final output delivered", async () => {
    await arbiter.putPolicy('support', policy({ thresholds: { autoApprove: 1, aiReview: 1 } }));
    const id = await submit();
    await expectEventually(async () =>
      expect(
        (
          await arbiter.http.get<{ status: string }>(`/v1/submissions/${id}`, {
            token: arbiter.bootstrapKey,
          })
        ).body.status,
      ).toBe('human_review'),
    );
    await arbiter.api.get(SubmissionWorkflow).transition({
      submissionId: id,
      path: ['human_review', 'approved'],
      actor: 'user:test',
      patch: {
        decision: {
          outcome: 'approved',
          decidedBy: 'human',
          reasons: [],
          finalOutput: { text: 'Paris (edited).' },
        },
        decided: true,
      },
    });
    const [hook] = await receiver.waitFor(1);
    expect(hook.payload?.data.decision).toMatchObject({
      outcome: 'approved',
      decidedBy: 'human',
      finalOutput: { text: 'Paris (edited).' },
    });
  });

  it("without a callbackUrl the client's default endpoint gets it; without either, the feed only", async () => {
    await arbiter.putPolicy('support', policy());
    const noWhere = await submit({ callbackUrl: undefined });
    await expectEventually(async () => {
      const [row] = await arbiter.db.query(
        `SELECT status FROM delivery_events WHERE submission_id = $1`,
        [noWhere],
      );
      expect(row?.status).toBe('no_endpoint');
    });
    expect(
      await arbiter.http.put(
        '/v1/webhook',
        { url: receiver.url('/default') },
        { token: arbiter.bootstrapKey },
      ),
    ).toMatchObject({ status: 200 });
    const id = await submit({ callbackUrl: undefined });
    const [hook] = await receiver.waitFor(1);
    expect(hook).toMatchObject({ path: '/default', payload: { data: { id } } });
    const feed = await arbiter.http.get<{ events: { submissionId: string }[] }>('/v1/events', {
      token: arbiter.bootstrapKey,
    });
    expect(feed.body.events.map((e) => e.submissionId)).toEqual([noWhere, id]);
  });

  it("each client's webhooks are signed with that client's own secret", async () => {
    await arbiter.putPolicy('support', policy());
    const otherKey = await arbiter.createClient('other');
    const otherSecret = await secretOf(otherKey);
    await submit({}, otherKey);
    const [hook] = await receiver.waitFor(1);
    expect(hook.verifiedWith).toEqual([]);
    receiver.secrets.push(otherSecret);
    await submit({}, otherKey);
    expect((await receiver.waitFor(2))[1].verifiedWith).toEqual([otherSecret]);
  });
});
