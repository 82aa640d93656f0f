import { EventsFeedView } from '@arbiter/contracts';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

interface EndpointView {
  url: string | null;
  subscribeRouted: boolean;
  secrets: { id: string; secret: string; expiresAt: string | null }[];
}

describe('events feed and webhook secrets', () => {
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
    await arbiter.putPolicy('support', policy());
  });

  const key = () => ({ token: arbiter.bootstrapKey });
  const submit = async (
    token = arbiter.bootstrapKey,
    overrides: Record<string, unknown> = {},
  ): Promise<string> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody(overrides),
      { token },
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const page = async (after: string | null, limit: number, token = arbiter.bootstrapKey) => {
    const query = [after === null ? null : `after=${after}`, `limit=${limit}`]
      .filter(Boolean)
      .join('&');
    const res = await arbiter.http.get<EventsFeedView>(`/v1/events?${query}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('the feed resumes from a cursor with nothing missed or repeated, while events keep arriving', async () => {
    const other = await arbiter.createClient('other');
    await submit(other);
    const first = await Promise.all(Array.from({ length: 12 }, () => submit()));
    const seen: string[] = [];
    let cursor: string | null = null;
    const all = [...first, ...(await Promise.all(Array.from({ length: 12 }, () => submit())))];
    // Read in small pages while the worker is still deciding them, concurrently: events commit
    // between reads, and a reader that skipped a late commit would never see it.
    await expectEventually(
      async () => {
        for (;;) {
          const body = await page(cursor, 5);
          for (const e of body.events) seen.push(e.submissionId);
          cursor = body.nextCursor;
          if (!body.hasMore) break;
        }
        expect(seen).toHaveLength(all.length);
      },
      15_000,
      100,
    );
    expect(new Set(seen)).toEqual(new Set(all));
    expect(new Set(seen).size).toBe(seen.length);
    // Nothing new: the same cursor comes back with no events.
    expect(await page(cursor, 5)).toEqual({ events: [], nextCursor: cursor, hasMore: false });
  });

  it('feed entries carry the webhook body and id, in cursor order, for the calling client only', async () => {
    const id = await submit(arbiter.bootstrapKey, { externalId: 'x-1' });
    await expectEventually(async () => expect((await page(null, 10)).events).toHaveLength(1));
    const body = await page('0', 10);
    expect(body.events[0]).toMatchObject({
      cursor: expect.stringMatching(/^\d+$/),
      type: 'submission.approved',
      submissionId: id,
      payload: { type: 'submission.approved', data: { id, externalId: 'x-1', status: 'approved' } },
    });
    const other = await arbiter.createClient('other');
    expect((await page(null, 10, other)).events).toEqual([]);
  });

  it.each([
    ['after=-1', /after must be a cursor returned by this feed/],
    ['after=abc', /after must be a cursor/],
    ['after=1.5', /after must be a cursor/],
    ['limit=0', /limit must be an integer from 1 to 1000/],
    ['limit=5000', /limit must be an integer from 1 to 1000/],
    ['limit=ten', /limit must be an integer/],
    ['colour=red', /property colour should not exist/],
  ])('GET /v1/events?%s is a 400 naming the parameter', async (query, message) => {
    const res = await arbiter.http.get<{ message: string }>(`/v1/events?${query}`, key());
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('needs an API key', async () => {
    expect((await arbiter.http.get('/v1/events')).status).toBe(401);
    expect((await arbiter.http.get('/v1/webhook')).status).toBe(401);
  });

  it('rotation: both signatures during the overlap, a receiver with either secret verifies', async () => {
    const before = (await arbiter.http.get<EndpointView>('/v1/webhook', key())).body;
    expect(before.secrets).toHaveLength(1);
    expect(before.secrets[0].secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const rotated = await arbiter.http.post<EndpointView>(
      '/v1/webhook/secrets/rotate',
      { overlapSeconds: 3600 },
      key(),
    );
    expect(rotated.status).toBe(200);
    const [fresh, old] = rotated.body.secrets;
    expect(old).toMatchObject({ id: before.secrets[0].id, expiresAt: expect.any(String) });
    expect(fresh.expiresAt).toBeNull();

    receiver.secrets = [old.secret];
    await submit(arbiter.bootstrapKey, { callbackUrl: receiver.url() });
    const [hook] = await receiver.waitFor(1);
    expect(hook.signature.split(' ')).toHaveLength(2);
    expect(hook.verifiedWith).toEqual([old.secret]);
    receiver.secrets = [fresh.secret];
    await submit(arbiter.bootstrapKey, { callbackUrl: receiver.url() });
    expect((await receiver.waitFor(2))[1].verifiedWith).toEqual([fresh.secret]);

    // After the overlap only the new secret signs: the old one no longer verifies.
    const done = await arbiter.http.post<EndpointView>(
      '/v1/webhook/secrets/rotate',
      { overlapSeconds: 0 },
      key(),
    );
    const newest = done.body.secrets;
    expect(newest).toHaveLength(1);
    receiver.secrets = [old.secret, fresh.secret, newest[0].secret];
    await submit(arbiter.bootstrapKey, { callbackUrl: receiver.url() });
    const third = (await receiver.waitFor(3))[2];
    expect(third.signature.split(' ')).toHaveLength(1);
    expect(third.verifiedWith).toEqual([newest[0].secret]);
  });

  it.each([
    [{ url: 'ftp://example.com/x' }, /url must be an http\(s\) URL or null/],
    [{}, /url must be an http\(s\) URL or null/],
    [{ url: 'http://10.1.2.3/hook' }, /url host "10.1.2.3" is a private address/],
    [
      { url: 'http://127.0.0.1:9/hook', subscribeRouted: 'yes' },
      /subscribeRouted must be a boolean/,
    ],
  ])('PUT /v1/webhook %j is a 400 naming the field', async (body, message) => {
    const res = await arbiter.http.put<{ message: string }>('/v1/webhook', body, key());
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('rotate refuses a bad overlap', async () => {
    const res = await arbiter.http.post<{ message: string }>(
      '/v1/webhook/secrets/rotate',
      { overlapSeconds: -1 },
      key(),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/overlapSeconds must not be less than 0/);
  });
});
