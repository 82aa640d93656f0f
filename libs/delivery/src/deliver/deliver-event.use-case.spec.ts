import { createHmac } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { AppConfig } from '@arbiter/config';
import { Tracing } from '@arbiter/observability';
import {
  InMemoryDeliveryEvents,
  InMemoryWebhookSecrets,
  ScriptedWebhookClient,
  testConfig,
} from '@arbiter/testing';
import { WebhookHttpClient } from '../http/webhook-http.client';
import { WebhookSecrets } from '../outbox/webhook-secrets.service';
import { UrlGuard } from '../ssrf/url-guard.service';
import { DeliverEvent } from './deliver-event.use-case';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const RETRY = { retryBaseMs: 30 * SECOND, retryMaxDelayMs: HOUR, retryHorizonMs: 24 * HOUR };
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const OLD_SECRET = 'whsec_dGhlIG9sZCBzZWNyZXQgc3RpbGwgc2lnbnM=';
const CALLBACK = 'https://client.example.com/arbiter/callback';

function config(): AppConfig {
  const base = testConfig('postgres://127.0.0.1/unused', 'unit');
  return { ...base, webhooks: { ...base.webhooks, ...RETRY } };
}

function setUp() {
  const events = new InMemoryDeliveryEvents();
  const secrets = new InMemoryWebhookSecrets();
  const http = new ScriptedWebhookClient();
  const cfg = config();
  const useCase = new DeliverEvent(
    events.repository,
    new WebhookSecrets(secrets.repository, cfg),
    http.client,
    cfg,
    new Tracing('arbiter-worker', null),
  );
  return { events, secrets, http, useCase };
}

/** Standard Webhooks verification, written out here rather than borrowed from the signer. */
function verifies(secret: string, headers: Record<string, string>, body: string): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const signed = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return headers['webhook-signature'].split(' ').includes(expected);
}

describe('DeliverEvent', () => {
  // Jitter in the middle of its range: the delay is then exactly base·2^(failures-1).
  beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0.5));
  afterEach(() => jest.restoreAllMocks());

  it('delivers on a 2xx: the event is delivered and the attempt logged', async () => {
    const t = setUp();
    const e = t.events.add({ callbackUrl: CALLBACK });
    t.http.answer({ statusCode: 204, latencyMs: 41.6 });

    expect(await t.useCase.execute(e.id)).toEqual({ outcome: 'delivered' });

    expect(t.events.get(e.id)).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect(t.events.get(e.id)?.deliveredAt).toBeInstanceOf(Date);
    expect(t.events.attempts).toEqual([
      {
        eventId: e.id,
        attempt: 1,
        url: CALLBACK,
        statusCode: 204,
        latencyMs: 42,
        outcome: 'delivered',
        error: null,
      },
    ]);
    expect(t.http.received).toEqual([expect.objectContaining({ url: CALLBACK, body: e.body })]);
  });

  it('posts to the submission’s callbackUrl before the client’s default endpoint, else to the endpoint', async () => {
    const t = setUp();
    const withCallback = t.events.add({ callbackUrl: CALLBACK });
    const withoutCallback = t.events.add({ clientId: withCallback.clientId });
    t.events.setEndpoint(withCallback.clientId, 'https://client.example.com/default');

    await t.useCase.execute(withCallback.id);
    await t.useCase.execute(withoutCallback.id);

    expect(t.http.received.map((r) => r.url)).toEqual([
      CALLBACK,
      'https://client.example.com/default',
    ]);
  });

  describe('signing', () => {
    it('sends the Standard Webhooks headers, signed with the client’s secret over id, time and body', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });
      t.secrets.add(e.clientId, SECRET);
      const before = Math.floor(Date.now() / SECOND);

      await t.useCase.execute(e.id);

      const [{ headers, body }] = t.http.received;
      expect(headers['webhook-id']).toBe(e.id);
      expect(Number(headers['webhook-timestamp'])).toBeGreaterThanOrEqual(before);
      expect(Number(headers['webhook-timestamp'])).toBeLessThanOrEqual(
        Math.ceil(Date.now() / SECOND),
      );
      expect(verifies(SECRET, headers, body)).toBe(true);
      expect(verifies(SECRET, headers, `${body} `)).toBe(false);
    });

    it('signs with every live secret during a rotation, and never with an expired one', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });
      t.secrets.add(e.clientId, 'whsec_ZXhwaXJlZCBzZWNyZXQ=', new Date(Date.now() - SECOND));
      t.secrets.add(e.clientId, OLD_SECRET, new Date(Date.now() + HOUR));
      t.secrets.add(e.clientId, SECRET);

      await t.useCase.execute(e.id);

      const [{ headers, body }] = t.http.received;
      expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
      expect(verifies(SECRET, headers, body)).toBe(true);
      expect(verifies(OLD_SECRET, headers, body)).toBe(true);
      expect(verifies('whsec_ZXhwaXJlZCBzZWNyZXQ=', headers, body)).toBe(false);
    });

    it('creates the client’s first secret when it has none, and signs with it', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });

      await t.useCase.execute(e.id);

      const [created] = await t.secrets.liveSecrets(e.clientId);
      expect(created.secret).toMatch(/^whsec_/);
      expect(verifies(created.secret, t.http.received[0].headers, t.http.received[0].body)).toBe(
        true,
      );
    });
  });

  describe('retries', () => {
    it('schedules a retry after a failure, at the backoff delay, and keeps the event pending', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });
      t.http.answer({ statusCode: 503, responseBody: 'busy' });
      const before = Date.now();

      const result = await t.useCase.execute(e.id);

      expect(result.outcome).toBe('retry');
      expect(result.retryAt).toBeGreaterThanOrEqual(before + RETRY.retryBaseMs);
      expect(result.retryAt).toBeLessThanOrEqual(Date.now() + RETRY.retryBaseMs);
      expect(t.events.get(e.id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 503: busy',
        nextAttemptAt: new Date(result.retryAt as number),
      });
      expect(t.events.attempts).toEqual([
        expect.objectContaining({ statusCode: 503, outcome: 'retry' }),
      ]);
    });

    it('doubles the delay with each failure of the round', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK, attempts: 3 });
      t.http.answer({ statusCode: 500 });
      const before = Date.now();

      const { retryAt } = await t.useCase.execute(e.id);

      expect(retryAt).toBeGreaterThanOrEqual(before + 8 * RETRY.retryBaseMs);
      expect(retryAt).toBeLessThanOrEqual(Date.now() + 8 * RETRY.retryBaseMs);
    });

    it('waits at least as long as the receiver’s Retry-After', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });
      t.http.answer({ statusCode: 429, retryAfter: '600' });
      const before = Date.now();

      const { outcome, retryAt } = await t.useCase.execute(e.id);

      expect(outcome).toBe('retry');
      expect(retryAt).toBeGreaterThanOrEqual(before + 600 * SECOND);
      expect(retryAt).toBeLessThanOrEqual(Date.now() + 600 * SECOND);
    });

    it('retries when no response came, logging why', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });
      t.http.answer({ statusCode: null, error: 'connect ECONNREFUSED 203.0.113.9:443' });

      expect((await t.useCase.execute(e.id)).outcome).toBe('retry');
      expect(t.events.get(e.id)?.lastError).toBe('connect ECONNREFUSED 203.0.113.9:443');
    });

    it('dead-letters a failure whose next attempt would fall past the retry horizon', async () => {
      const t = setUp();
      const e = t.events.add({
        callbackUrl: CALLBACK,
        attempts: 11,
        retryFrom: new Date(Date.now() - RETRY.retryHorizonMs + 10 * SECOND),
      });
      t.http.answer({ statusCode: 502, responseBody: 'bad gateway' });

      expect(await t.useCase.execute(e.id)).toEqual({ outcome: 'dead' });

      expect(t.events.get(e.id)).toMatchObject({
        status: 'dead',
        attempts: 12,
        lastError: 'HTTP 502: bad gateway',
      });
      expect(t.events.get(e.id)?.deadAt).toBeInstanceOf(Date);
      expect(t.events.get(e.id)?.nextAttemptAt).toBeNull();
    });
  });

  describe('endpoints gone, disabled or refused', () => {
    it('stops for good when the receiver answers 410 Gone', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });
      t.http.answer({ statusCode: 410, responseBody: 'unsubscribed' });

      expect(await t.useCase.execute(e.id)).toEqual({ outcome: 'stopped' });
      expect(t.events.get(e.id)).toMatchObject({
        status: 'stopped',
        lastError: 'HTTP 410: unsubscribed',
      });
      expect(t.events.get(e.id)?.nextAttemptAt).toBeNull();
    });

    it('keeps the event in the feed only when the client has no endpoint (or removed it)', async () => {
      const t = setUp();
      const e = t.events.add();
      t.events.setEndpoint(e.clientId, null);

      expect(await t.useCase.execute(e.id)).toEqual({ outcome: 'no_endpoint' });
      expect(t.events.get(e.id)).toMatchObject({ status: 'no_endpoint', attempts: 0 });
      expect(t.http.received).toEqual([]);
    });

    describe('through the real HTTP client and SSRF guard (nothing leaves the machine)', () => {
      const clients: WebhookHttpClient[] = [];
      afterAll(() => clients.forEach((c) => c.onModuleDestroy()));

      function withRealClient(resolve: Record<string, string>) {
        const cfg = config();
        const resolver = async (host: string): Promise<LookupAddress[]> => {
          const address = resolve[host];
          if (!address)
            throw Object.assign(new Error(`no test address for ${host}`), { code: 'ENOTFOUND' });
          return [{ address, family: 4 }];
        };
        const http = new WebhookHttpClient(cfg, new UrlGuard(cfg, resolver));
        clients.push(http);
        const events = new InMemoryDeliveryEvents();
        const secrets = new InMemoryWebhookSecrets();
        const useCase = new DeliverEvent(
          events.repository,
          new WebhookSecrets(secrets.repository, cfg),
          http,
          cfg,
          new Tracing('arbiter-worker', null),
        );
        return { events, useCase };
      }

      it.each([
        ['a private address', 'http://10.0.0.7/hook', {}],
        ['the metadata address', 'http://169.254.169.254/latest/meta-data', {}],
        [
          'a name that now resolves to loopback',
          'https://hooks.example.com/in',
          { 'hooks.example.com': '127.0.0.1' },
        ],
      ])(
        'dead-letters a URL the guard refuses (%s), without retrying',
        async (_name, url, resolve) => {
          const t = withRealClient(resolve);
          const e = t.events.add({ callbackUrl: url });

          expect(await t.useCase.execute(e.id)).toEqual({ outcome: 'dead' });

          expect(t.events.get(e.id)).toMatchObject({
            status: 'dead',
            attempts: 1,
            nextAttemptAt: null,
          });
          expect(t.events.get(e.id)?.lastError).toMatch(/address/);
          expect(t.events.attempts).toEqual([
            expect.objectContaining({ url, statusCode: null, outcome: 'dead' }),
          ]);
        },
      );
    });
  });

  describe('idempotency', () => {
    it('leaves an event that is no longer pending alone, and an unknown one', async () => {
      const t = setUp();
      const e = t.events.add({ status: 'delivered', callbackUrl: CALLBACK });

      expect(await t.useCase.execute(e.id)).toEqual({ outcome: 'stale' });
      expect(await t.useCase.execute('7d4c6a2e-0000-4000-8000-000000000000')).toEqual({
        outcome: 'stale',
      });
      expect(t.http.received).toEqual([]);
    });

    it('records nothing for an attempt of an older round (the event was replayed meanwhile)', async () => {
      const t = setUp();
      const e = t.events.add({ callbackUrl: CALLBACK });
      t.http.answer({ statusCode: 500 });
      t.http.whilePosting = () => t.events.replay(e.id);

      expect(await t.useCase.execute(e.id)).toEqual({ outcome: 'stale' });

      expect(t.events.get(e.id)).toMatchObject({
        status: 'pending',
        generation: 2,
        attempts: 0,
        lastError: null,
      });
      expect(t.events.attempts).toEqual([]);
    });
  });
});
