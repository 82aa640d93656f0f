import { ArbiterHarness } from '../support/arbiter.harness';
import { ApiReplica, MINUTE_LONG_AUTH_CACHES, onceAnnounced } from '../support/api-replica';
import { HttpClient } from '../support/http.client';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

const PASSWORD = 'person-password-1';

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
  let b: ApiReplica;
  let deaf: ApiReplica;

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false, config: MINUTE_LONG_AUTH_CACHES });
    a = arbiter.http;
    b = await ApiReplica.start(arbiter.config);
    deaf = await ApiReplica.deaf(arbiter.config);
  }, 60_000);

  afterAll(async () => {
    await deaf?.stop();
    await b?.stop();
    await arbiter?.stop();
  });

  beforeEach(async () => {
    await arbiter.reset();
    for (const replica of [b, deaf]) replica.forgetAuthCaches();
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

  it('a session signed out on A is refused on B', async () => {
    const { pair } = await person('rita@test.local');
    for (const http of [b.http, deaf.http])
      expect((await mine(http, pair.accessToken)).status).toBe(200); // cached there now
    expect((await a.post('/v1/auth/logout', { refreshToken: pair.refreshToken })).status).toBe(204);
    await onceAnnounced(async () =>
      expect((await mine(b.http, pair.accessToken)).status).toBe(401),
    );
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
    await onceAnnounced(async () =>
      expect((await mine(b.http, pair.accessToken)).status).toBe(401),
    );
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
    await onceAnnounced(async () => expect(await keys(b.http)).not.toContain('globex'));
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
    await onceAnnounced(async () => expect((await events(b.http)).status).toBe(401));
    expect((await events(deaf.http)).status).toBe(200);
  });
});
