import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@arbiter/config';
import { ActiveUsers, ApiKeyPrincipals, WorkspaceAccess } from '@arbiter/auth';
import { deleteKeysWithPrefix, expectEventually } from '@arbiter/testing';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';
import { HttpClient } from '../support/http.client';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

const PASSWORD = 'person-password-1';
// Far longer than the test: a replica that refuses a revoked credential was told, not timed out.
const CACHE_TTL_MS = 60_000;

async function replica(
  config: AppConfig,
): Promise<{ app: NestFastifyApplication; http: HttpClient }> {
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  return { app, http: new HttpClient(await app.getUrl()) };
}

/**
 * Two api replicas on one database and Redis, their auth caches kept for a minute: a sign-out,
 * a disabled user, a removed member or a revoked API key, done on replica A, is refused by
 * replica B as soon as A's announcement arrives on Redis pub/sub. A third replica on another
 * Redis prefix hears no announcement: it keeps its cached answer, which shows what B would do
 * without the announcement.
 */
describe('auth changes reach every api replica at once', () => {
  let arbiter: ArbiterHarness;
  let a: HttpClient;
  let b: { app: NestFastifyApplication; http: HttpClient };
  let deaf: { app: NestFastifyApplication; http: HttpClient };
  let deafPrefix: string;

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      worker: false,
      config: { authCache: { ttlMs: CACHE_TTL_MS, apiKeyTtlMs: CACHE_TTL_MS } },
    });
    a = arbiter.http;
    b = await replica(arbiter.config);
    deafPrefix = `${arbiter.config.redisPrefix}-deaf`;
    deaf = await replica({ ...arbiter.config, redisPrefix: deafPrefix });
  }, 60_000);

  afterAll(async () => {
    await deaf?.app.close();
    if (deafPrefix) await deleteKeysWithPrefix(arbiter.producer.connection, deafPrefix);
    await b?.app.close();
    await arbiter?.stop();
  });

  beforeEach(async () => {
    await arbiter.reset();
    for (const { app } of [b, deaf]) {
      app.get(ActiveUsers).forgetAll();
      app.get(WorkspaceAccess).forgetAll();
      app.get(ApiKeyPrincipals).forgetAll();
    }
  });

  async function person(email: string): Promise<{ id: string; pair: Pair }> {
    const created = await a.post<{ id: string }>(
      '/v1/users',
      { email, password: PASSWORD, role: 'reviewer', queues: ['support'] },
      { token: await arbiter.adminAccessToken() },
    );
    expect(created.status).toBe(201);
    const login = await a.post<Pair>('/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    return { id: created.body.id, pair: login.body };
  }

  const mine = (http: HttpClient, token: string) =>
    http.get<{ workspaces: { key: string }[] }>('/v1/workspaces/mine', { token });

  /** Polls replica B until `check` holds (a few seconds at most: the caches keep a minute). */
  const onB = (check: () => Promise<void>) => expectEventually(check, 10_000, 100);

  it('a session signed out on A is refused on B', async () => {
    const { pair } = await person('rita@test.local');
    for (const http of [b.http, deaf.http])
      expect((await mine(http, pair.accessToken)).status).toBe(200); // cached there now
    expect((await a.post('/v1/auth/logout', { refreshToken: pair.refreshToken })).status).toBe(204);
    await onB(async () => expect((await mine(b.http, pair.accessToken)).status).toBe(401));
    expect((await mine(deaf.http, pair.accessToken)).status).toBe(200);
  });

  it('a user disabled on A is refused on B', async () => {
    const { id, pair } = await person('leo@test.local');
    for (const http of [b.http, deaf.http])
      expect((await mine(http, pair.accessToken)).status).toBe(200);
    const disabled = await a.post(`/v1/users/${id}/disable`, undefined, {
      token: await arbiter.adminAccessToken(),
    });
    expect(disabled.status).toBe(200);
    await onB(async () => expect((await mine(b.http, pair.accessToken)).status).toBe(401));
    expect((await mine(deaf.http, pair.accessToken)).status).toBe(200);
  });

  it('a member removed from a workspace on A no longer has it on B', async () => {
    const admin = { token: await arbiter.adminAccessToken() };
    expect((await a.post('/v1/workspaces', { key: 'globex', name: 'Globex' }, admin)).status).toBe(
      201,
    );
    const { id, pair } = await person('mia@test.local');
    expect(
      (await a.put(`/v1/workspaces/globex/members/${id}`, { role: 'lead' }, admin)).status,
    ).toBe(200);
    const keys = async (http: HttpClient) =>
      (await mine(http, pair.accessToken)).body.workspaces.map((w) => w.key);
    for (const http of [b.http, deaf.http]) expect(await keys(http)).toContain('globex');
    expect((await a.delete(`/v1/workspaces/globex/members/${id}`, admin)).status).toBe(204);
    await onB(async () => expect(await keys(b.http)).not.toContain('globex'));
    expect(await keys(deaf.http)).toContain('globex');
  });

  it('an API key revoked on A is refused on B', async () => {
    const admin = { token: await arbiter.adminAccessToken() };
    const client = await a.post<{ id: string }>('/v1/clients', { name: 'claims-bot' }, admin);
    expect(client.status).toBe(201);
    const key = await a.post<{ id: string; key: string }>(
      '/v1/api-keys',
      { clientId: client.body.id, name: 'prod' },
      admin,
    );
    expect(key.status).toBe(201);
    const events = (http: HttpClient) => http.get('/v1/events', { token: key.body.key });
    for (const http of [b.http, deaf.http]) expect((await events(http)).status).toBe(200);
    expect((await a.delete(`/v1/api-keys/${key.body.id}`, admin)).status).toBe(200);
    await onB(async () => expect((await events(b.http)).status).toBe(401));
    expect((await events(deaf.http)).status).toBe(200);
  });
});
