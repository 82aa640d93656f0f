import { expectEventually } from '@arbiter/testing';
import {
  ArbiterApiError,
  ArbiterClient,
  ArbiterValidationError,
  DecisionTimeoutError,
  FeedEvent,
  RetryInfo,
  ReviewerSocket,
  SubmissionRequest,
  verifyWebhook,
  WebhookVerificationError,
} from '../../packages/client/src';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

/** @arbiter/client against the running stack: api and worker, real Postgres and Redis. */
describe('@arbiter/client (TypeScript SDK)', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  const sockets: ReviewerSocket[] = [];
  /** Every request the SDK sent, as method and path. */
  const sent: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const client = (apiKey = arbiter.bootstrapKey, onRetry?: (info: RetryInfo) => void) =>
    new ArbiterClient({
      baseUrl: arbiter.http.baseUrl,
      apiKey,
      fetch: countingFetch,
      onRetry,
      retryBaseMs: 50,
    });
  const body = (overrides: Record<string, unknown> = {}) =>
    submissionBody(overrides) as unknown as SubmissionRequest;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    arbiter = await ArbiterHarness.start({ config: { webhooks: testWebhookConfig() } });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await arbiter.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await arbiter.reset();
    receiver.reset();
    sent.length = 0;
    await arbiter.putPolicy('support', policy());
    await arbiter.putPolicy(
      'desk',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'desk', sla: '30m', reasonCodes: ['inaccurate'] },
      }),
    );
  });

  async function reviewer(email: string): Promise<ReviewerSocket> {
    const admin = await arbiter.adminAccessToken();
    await arbiter.http.post(
      '/v1/users',
      { email, password: 'reviewer-pass-1', role: 'reviewer', queues: ['desk'] },
      { token: admin },
    );
    const tokens = await ReviewerSocket.login(
      { baseUrl: arbiter.http.baseUrl },
      email,
      'reviewer-pass-1',
    );
    const socket = await ReviewerSocket.connect(arbiter.http.baseUrl, tokens.accessToken);
    sockets.push(socket);
    return socket;
  }

  it('submits with an idempotency key of its own: a retry with it is the same submission', async () => {
    const sdk = client();
    const first = await sdk.submit(body());
    expect(first.status).toBe(202);
    expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.replayed).toBe(false);
    const again = await sdk.submit(body(), { idempotencyKey: first.idempotencyKey });
    expect(again).toMatchObject({ replayed: true, submission: { id: first.submission.id } });
    const conflict = await sdk
      .submit(body({ externalId: 'other' }), { idempotencyKey: first.idempotencyKey })
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ArbiterApiError);
    expect((conflict as ArbiterApiError).status).toBe(409);
    const rows = await arbiter.db.query(`SELECT count(*)::int AS n FROM submissions`);
    expect(rows[0].n).toBe(1);
  });

  it('retries 429 after Retry-After, with the same key, and every submission lands once', async () => {
    const admin = await arbiter.adminAccessToken();
    const created = await arbiter.http.post<{ id: string }>(
      '/v1/clients',
      { name: 'limited' },
      { token: admin },
    );
    const key = await arbiter.http.post<{ key: string }>(
      '/v1/api-keys',
      { clientId: created.body.id, name: 'k' },
      { token: admin },
    );
    await arbiter.http.put(
      `/v1/clients/${created.body.id}/quota`,
      { requestsPerSecond: 2 },
      { token: admin },
    );
    const retries: RetryInfo[] = [];
    const sdk = client(key.body.key, (info) => retries.push(info));
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => sdk.submit(body({ externalId: `n-${i}` }))),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(retries.some((r) => r.status === 429 && r.delayMs >= 1000)).toBe(true);
    const rows = await arbiter.db.query(`SELECT count(*)::int AS n FROM submissions`);
    expect(rows[0].n).toBe(5);
  });

  it('refuses what the contract refuses before sending, and surfaces the api problem details as typed errors', async () => {
    const sdk = client();
    const bad = await sdk
      .submit(body({ pipeline: 'Not A Key', output: {}, surprise: 1 }))
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ArbiterValidationError);
    expect((bad as ArbiterValidationError).problems.map((p) => p.path).sort()).toEqual([
      'pipeline',
      'surprise',
    ]);
    await expect(sdk.submit(body(), { waitMs: 20_000 })).rejects.toBeInstanceOf(
      ArbiterValidationError,
    );
    await expect(sdk.submit(body(), { idempotencyKey: '' })).rejects.toBeInstanceOf(
      ArbiterValidationError,
    );
    await expect(sdk.getSubmission('not-a-uuid')).rejects.toBeInstanceOf(ArbiterValidationError);
    await expect(sdk.eventsPage('0', 5000)).rejects.toBeInstanceOf(ArbiterValidationError);
    expect(sent).toEqual([]);

    const unknown = await sdk.submit(body({ pipeline: 'nowhere' })).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ArbiterApiError);
    expect(unknown).toMatchObject({
      status: 404,
      problem: { statusCode: 404, error: 'Not Found' },
    });
    expect((unknown as ArbiterApiError).requestId).toBeTruthy();
    const server = await sdk
      .submit(
        body({ output: { text: 'x'.repeat(10) }, callbackUrl: 'http://169.254.169.254/latest' }),
      )
      .catch((e: unknown) => e);
    expect(server).toMatchObject({ status: 400 });
    await expect(client('wrong-key').getSubmission(crypto.randomUUID())).rejects.toMatchObject({
      status: 401,
    });
  });

  it('waits for a decision: ?wait when it is quick, polling while people review', async () => {
    const sdk = client();
    const quick = await sdk.submitAndWait(body(), { timeoutMs: 10_000 });
    expect(quick).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', decidedBy: 'auto' },
    });

    const held = await sdk.submitAndWait(body({ pipeline: 'desk' }), {
      until: 'routed',
      timeoutMs: 10_000,
    });
    expect(held.status).toBe('human_review');
    await expect(sdk.decision(held.id, { timeoutMs: 300 })).rejects.toBeInstanceOf(
      DecisionTimeoutError,
    );

    const rita = await reviewer('rita@test.local');
    const waiting = sdk.decision(held.id, { timeoutMs: 20_000, pollMs: 100 });
    const task = await expectEventually(async () => {
      const claimed = await rita.claim();
      expect(claimed).not.toBeNull();
      return claimed!;
    });
    await expect(
      rita.decide(task, { action: 'reject', reasonCodes: ['inaccurate'] }),
    ).resolves.toEqual({ result: 'decided', outcome: 'rejected' });
    await expect(waiting).resolves.toMatchObject({
      status: 'rejected',
      decision: { decidedBy: 'human' },
    });
  });

  it('verifies outcome webhooks (Standard Webhooks), through a secret rotation, and refuses tampering', async () => {
    const sdk = client();
    const endpoint = await sdk.setWebhookEndpoint(receiver.url());
    const [oldSecret] = endpoint.secrets.map((s) => s.secret);
    await sdk.submit(body());
    const [first] = await receiver.waitFor(1);
    const headers = {
      'webhook-id': first.id,
      'webhook-timestamp': first.timestamp,
      'webhook-signature': first.signature,
    };
    expect(verifyWebhook(oldSecret, headers, first.body)).toMatchObject({
      type: 'submission.approved',
      data: { status: 'approved' },
    });
    expect(() =>
      verifyWebhook(oldSecret, headers, first.body.replace('approved', 'rejected')),
    ).toThrow(WebhookVerificationError);
    expect(() =>
      verifyWebhook(oldSecret, headers, first.body, { now: Date.now() + 3_600_000 }),
    ).toThrow(WebhookVerificationError);
    expect(() =>
      verifyWebhook(`whsec_${Buffer.from('another key').toString('base64')}`, headers, first.body),
    ).toThrow(WebhookVerificationError);

    const rotated = await sdk.rotateWebhookSecret(60);
    const newSecret = rotated.secrets.find((s) => s.expiresAt === null)!.secret;
    await sdk.submit(body());
    const [, second] = await receiver.waitFor(2);
    const secondHeaders = new Headers({
      'webhook-id': second.id,
      'webhook-timestamp': second.timestamp,
      'webhook-signature': second.signature,
    });
    expect(verifyWebhook(newSecret, secondHeaders, Buffer.from(second.body)).type).toBe(
      'submission.approved',
    );
    expect(verifyWebhook([oldSecret], secondHeaders, second.body).type).toBe('submission.approved');
  });

  it('reads the events feed as an async iterator, resuming from a cursor', async () => {
    const sdk = client();
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push((await sdk.submit(body({ externalId: `e-${i}` }))).submission.id);
    await arbiter.waitForQueuesIdle();
    const seen: FeedEvent[] = [];
    await expectEventually(async () => {
      seen.length = 0;
      for await (const event of sdk.events({ follow: false, limit: 2 })) seen.push(event);
      expect(seen).toHaveLength(5);
    });
    expect(seen.map((e) => e.submissionId).sort()).toEqual([...ids].sort());
    expect(seen.every((e) => e.payload.type === 'submission.approved')).toBe(true);

    // Following: the iterator waits for the next event after the cursor.
    const controller = new AbortController();
    const next = (async () => {
      for await (const event of sdk.events({
        after: seen[4].cursor,
        pollMs: 100,
        signal: controller.signal,
      }))
        return event;
    })();
    const later = await sdk.submit(body({ externalId: 'later' }));
    await expect(next).resolves.toMatchObject({ submissionId: later.submission.id });
    controller.abort();
  });

  it('runs a reviewer flow over the socket with typed events: queues, claim, heartbeat, release, edit', async () => {
    const sdk = client();
    const rita = await reviewer('rita@test.local');
    const counts: { queue: string; waiting: number }[] = [];
    rita.on('queue.counts', (payload) => counts.push(payload));
    const { submission } = await sdk.submit(body({ pipeline: 'desk' }));
    const task = await expectEventually(async () => {
      const claimed = await rita.claim(['desk']);
      expect(claimed).not.toBeNull();
      return claimed!;
    });
    expect(task.submission.id).toBe(submission.id);
    expect((await rita.queues()).map((q) => q.queue)).toEqual(['desk']);
    expect(new Date((await rita.heartbeat(task)).leaseExpiresAt).getTime()).toBeGreaterThan(
      Date.now(),
    );
    await rita.release(task);
    await expect(rita.decide(task, { action: 'approve' })).rejects.toMatchObject({ status: 409 });
    const again = (await rita.claim())!;
    await expect(rita.decide(again, { action: 'edit' })).rejects.toBeInstanceOf(
      ArbiterValidationError,
    );
    await expect(
      rita.decide(again, { action: 'edit', editedOutput: { text: 'Paris.' } }),
    ).resolves.toEqual({ result: 'decided', outcome: 'approved' });
    const decided = await sdk.decision(submission.id, { timeoutMs: 5_000 });
    expect(decided.decision?.finalOutput).toEqual({ text: 'Paris.' });
    await expectEventually(() => expect(counts.some((c) => c.queue === 'desk')).toBe(true));
  });
});
