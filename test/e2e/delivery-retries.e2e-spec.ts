import { jobIds, QueueName } from '@arbiter/queue';
import { expectEventually } from '@arbiter/testing';
import { ReconcileDeliveries } from '@arbiter/delivery';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

describe('webhook delivery guarantees: retries, 410, dead letters and replay, reconciliation', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    arbiter = await ArbiterHarness.start({
      config: {
        webhooks: testWebhookConfig(),
        // The reconcilers run when the test calls them; a second is the shortest "overdue".
        worker: {
          stuckAfterMs: 1000,
          recoveryEveryMs: 3_600_000,
          scoreConcurrency: 4,
          metricsPort: 0,
        },
      },
    });
  });
  afterAll(async () => {
    await arbiter.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    await arbiter.reset();
    receiver.reset();
    const res = await arbiter.http.get<{ secrets: { secret: string }[] }>('/v1/webhook', {
      token: arbiter.bootstrapKey,
    });
    receiver.secrets = [res.body.secrets[0].secret];
    await arbiter.putPolicy('support', policy());
  });

  const submit = async (): Promise<string> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ callbackUrl: receiver.url() }),
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const eventOf = async (submissionId: string) =>
    (
      await arbiter.db.query(
        `SELECT id, status, attempts, generation FROM delivery_events WHERE submission_id = $1`,
        [submissionId],
      )
    )[0] as { id: string; status: string; attempts: number; generation: number } | undefined;
  const attempts = async (eventId: string) =>
    (await arbiter.db.query(
      `SELECT status_code AS "statusCode", outcome, error FROM delivery_attempts WHERE event_id = $1 ORDER BY id`,
      [eventId],
    )) as { statusCode: number | null; outcome: string; error: string | null }[];
  const settled = async (submissionId: string, status: string) =>
    expectEventually(async () => {
      const event = await eventOf(submissionId);
      expect(event?.status).toBe(status);
      return event!;
    });

  it('retries after 500s with the same webhook-id and signature scheme, until a 2xx', async () => {
    receiver.respond = ({ count }) => ({ status: count <= 2 ? 500 : 200 });
    const id = await submit();
    const hooks = await receiver.waitFor(3);
    const event = await settled(id, 'delivered');
    expect(new Set(hooks.map((h) => h.id))).toEqual(new Set([event.id]));
    expect(hooks.every((h) => h.verifiedWith.length === 1)).toBe(true);
    expect(new Set(hooks.map((h) => h.body)).size).toBe(1);
    expect(await attempts(event.id)).toEqual([
      { statusCode: 500, outcome: 'retry', error: 'HTTP 500: ' },
      { statusCode: 500, outcome: 'retry', error: 'HTTP 500: ' },
      { statusCode: 200, outcome: 'delivered', error: null },
    ]);
  });

  it('honours Retry-After', async () => {
    receiver.respond = ({ count }) =>
      count === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 204 };
    const id = await submit();
    const [first, second] = await receiver.waitFor(2);
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
    await settled(id, 'delivered');
  });

  it('keeps retrying while the receiver is down, and delivers once it is back', async () => {
    await receiver.stop();
    const id = await submit();
    await expectEventually(async () =>
      expect((await eventOf(id))?.attempts).toBeGreaterThanOrEqual(2),
    );
    await receiver.listen();
    const [hook] = await receiver.waitFor(1);
    const event = await settled(id, 'delivered');
    expect(hook.id).toBe(event.id);
    const log = await attempts(event.id);
    expect(
      log.slice(0, -1).every((a) => a.statusCode === null && /ECONNREFUSED/.test(a.error ?? '')),
    ).toBe(true);
    expect(log[log.length - 1]).toEqual({ statusCode: 204, outcome: 'delivered', error: null });
  });

  it('410 Gone stops delivery at once', async () => {
    receiver.respond = () => ({ status: 410 });
    const id = await submit();
    await receiver.waitFor(1);
    const event = await settled(id, 'stopped');
    expect(event.attempts).toBe(1);
    // Past several retry delays, nothing more arrived.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(1);
  });

  it('is dead-lettered after the horizon; the client lists and replays it, same webhook-id', async () => {
    receiver.respond = () => ({ status: 503 });
    const id = await submit();
    const event = await settled(id, 'dead');
    expect(event.attempts).toBeGreaterThanOrEqual(3);
    const failed = receiver.received.length;

    const list = await arbiter.http.get<{ id: string; submissionId: string; lastError: string }[]>(
      '/v1/dead-letters',
      { token: arbiter.bootstrapKey },
    );
    expect(list.body).toEqual([
      expect.objectContaining({
        id: event.id,
        submissionId: id,
        type: 'submission.approved',
        lastError: 'HTTP 503: ',
      }),
    ]);
    // Another client sees none of it and cannot replay it.
    const other = await arbiter.createClient('other');
    expect((await arbiter.http.get<unknown[]>('/v1/dead-letters', { token: other })).body).toEqual(
      [],
    );
    const foreign = await arbiter.http.post(`/v1/dead-letters/${event.id}/replay`, undefined, {
      token: other,
    });
    expect(foreign.status).toBe(404);

    receiver.respond = () => ({ status: 200 });
    const replay = await arbiter.http.post(`/v1/dead-letters/${event.id}/replay`, undefined, {
      token: arbiter.bootstrapKey,
    });
    expect(replay).toMatchObject({ status: 200, body: { replayed: 1 } });
    const replayed = await settled(id, 'delivered');
    expect(replayed.generation).toBe(1);
    expect(receiver.received[failed]).toMatchObject({ id: event.id, status: 200 });
    expect(receiver.received[failed].verifiedWith).toHaveLength(1);
    expect(
      (await arbiter.http.get<unknown[]>('/v1/dead-letters', { token: arbiter.bootstrapKey })).body,
    ).toEqual([]);
    expect(
      (
        await arbiter.http.post(`/v1/dead-letters/${event.id}/replay`, undefined, {
          token: arbiter.bootstrapKey,
        })
      ).status,
    ).toBe(404);
  });

  it('admins list every dead letter and replay them all', async () => {
    receiver.respond = () => ({ status: 500 });
    const ids = [await submit(), await submit()];
    for (const id of ids) await settled(id, 'dead');
    const admin = { token: await arbiter.adminAccessToken() };
    expect((await arbiter.http.get<unknown[]>('/v1/admin/dead-letters', admin)).body).toHaveLength(
      2,
    );
    expect(
      (await arbiter.http.get('/v1/admin/dead-letters', { token: arbiter.bootstrapKey })).status,
    ).toBe(401);
    expect((await arbiter.http.get('/v1/admin/dead-letters?clientId=nope', admin)).status).toBe(
      400,
    );
    receiver.respond = () => ({ status: 204 });
    expect(await arbiter.http.post('/v1/admin/dead-letters/replay', {}, admin)).toMatchObject({
      status: 200,
      body: { replayed: 2 },
    });
    for (const id of ids) await settled(id, 'delivered');
  });

  it('a lost delivery job is re-enqueued by the reconciler, and a missing outbox event is recorded', async () => {
    // The job vanishes from Redis (a flush) while the receiver is down.
    await receiver.stop();
    const id = await submit();
    const event = await expectEventually(async () => {
      const e = await eventOf(id);
      expect(e?.attempts).toBeGreaterThanOrEqual(1);
      return e!;
    });
    // Paused, the queue lets the running attempt finish and starts no other: the job can go.
    const queue = arbiter.producer.queue(QueueName.Deliver);
    await queue.pause();
    const job = await expectEventually(async () => {
      const found = await queue.getJob(jobIds.deliver(event.id, 0));
      expect(await found?.getState()).not.toBe('active');
      return found!;
    });
    await job.remove();
    await queue.resume();
    await receiver.listen();
    // The process died between the transition and the outbox insert.
    await arbiter.db.query(`DELETE FROM delivery_events WHERE id <> $1`, [event.id]);
    const orphan = await submit();
    await expectEventually(async () => expect(await eventOf(orphan)).toBeDefined());
    await receiver.waitFor(1);
    await arbiter.db.query(`DELETE FROM delivery_events WHERE submission_id = $1`, [orphan]);
    receiver.received.length = 0;

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const reconcile = arbiter.worker!.get(ReconcileDeliveries);
    expect(await reconcile.execute()).toEqual({ recorded: 1, requeued: 1 });
    await settled(id, 'delivered');
    await settled(orphan, 'delivered');
    expect(receiver.received.map((h) => h.payload?.data.id).sort()).toEqual([id, orphan].sort());
    expect(await reconcile.execute()).toEqual({ recorded: 0, requeued: 0 });
  });
});
