import { JwtService } from '@nestjs/jwt';
import { expectEventually } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ReviewerClient } from '../support/reviewer.client';

interface Pair {
  accessToken: string;
  refreshToken: string;
}

const PASSWORD = 'person-password-1';

describe('users are checked on every request; tokens rotate and can be revoked', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
  });
  beforeEach(() => arbiter.reset());
  afterAll(() => arbiter.stop());

  async function person(email: string, role: string): Promise<{ id: string; pair: Pair }> {
    const admin = await arbiter.adminAccessToken();
    const created = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      { email, password: PASSWORD, role, queues: ['support'] },
      { token: admin },
    );
    expect(created.status).toBe(201);
    const login = await arbiter.http.post<Pair>('/v1/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    return { id: created.body.id, pair: login.body };
  }

  const listUsers = (token: string) => arbiter.http.get('/v1/users', { token });
  const refresh = (refreshToken: string) =>
    arbiter.http.post<Pair>('/v1/auth/refresh', { refreshToken });

  it('a demoted admin loses admin powers within seconds, with the token it already holds', async () => {
    const { id, pair } = await person('second-admin@test.local', 'admin');
    expect((await listUsers(pair.accessToken)).status).toBe(200);
    const demoted = await arbiter.http.request(
      'PATCH',
      `/v1/users/${id}`,
      { role: 'reviewer' },
      { token: await arbiter.adminAccessToken() },
    );
    expect(demoted.status).toBe(200);
    await expectEventually(
      async () => expect((await listUsers(pair.accessToken)).status).toBe(401),
      10_000,
      200,
    );
    // A new token carries the new role: no admin powers.
    const again = await refresh(pair.refreshToken);
    expect(again.status).toBe(200);
    expect((await listUsers(again.body.accessToken)).status).toBe(403);
  });

  it('a token for a user that does not exist, or without an expiry, is refused', async () => {
    const jwt = arbiter.api.get(JwtService);
    const secret = arbiter.config.jwtSecret;
    const ghost = await jwt.signAsync(
      { sub: randomUUID(), role: 'admin', typ: 'access' },
      { secret, expiresIn: 300 },
    );
    expect((await listUsers(ghost)).status).toBe(401);
    const admin = await arbiter.http.post<Pair>('/v1/auth/login', {
      email: 'admin@test.local',
      password: 'admin-password-1',
    });
    const claims = jwt.decode<{ sub: string }>(admin.body.accessToken);
    const forever = await jwt.signAsync(
      { sub: claims.sub, role: 'admin', typ: 'access' },
      { secret },
    );
    expect((await listUsers(forever)).status).toBe(401);
  });

  it('a deleted user is locked out within seconds', async () => {
    const { id, pair } = await person('leaving@test.local', 'lead');
    expect((await arbiter.http.get('/v1/review/queues', { token: pair.accessToken })).status).toBe(
      200,
    );
    await arbiter.db.query(`DELETE FROM users WHERE id = $1`, [id]);
    await expectEventually(
      async () =>
        expect(
          (await arbiter.http.get('/v1/review/queues', { token: pair.accessToken })).status,
        ).toBe(401),
      10_000,
      200,
    );
    expect((await refresh(pair.refreshToken)).status).toBe(401);
  });

  it('an admin can disable a user: tokens, refresh, login and live sockets stop working', async () => {
    const { id, pair } = await person('disabled@test.local', 'reviewer');
    expect((await arbiter.http.get('/v1/review/queues', { token: pair.accessToken })).status).toBe(
      200,
    );
    const disabled = await arbiter.http.post<{ id: string; disabledAt: string | null }>(
      `/v1/users/${id}/disable`,
      {},
      { token: await arbiter.adminAccessToken() },
    );
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toEqual(expect.any(String));
    await expectEventually(
      async () =>
        expect(
          (await arbiter.http.get('/v1/review/queues', { token: pair.accessToken })).status,
        ).toBe(401),
      10_000,
      200,
    );
    expect((await refresh(pair.refreshToken)).status).toBe(401);
    expect(
      (
        await arbiter.http.post('/v1/auth/login', {
          email: 'disabled@test.local',
          password: PASSWORD,
        })
      ).status,
    ).toBe(401);
    await expect(ReviewerClient.connect(arbiter, id, pair.accessToken)).rejects.toThrow(
      /unauthorized/,
    );

    const enabled = await arbiter.http.post(
      `/v1/users/${id}/enable`,
      {},
      { token: await arbiter.adminAccessToken() },
    );
    expect(enabled.status).toBe(200);
    expect(
      (
        await arbiter.http.post('/v1/auth/login', {
          email: 'disabled@test.local',
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);
  });

  it('an admin cannot disable themselves (no lock-out by mistake)', async () => {
    const token = await arbiter.adminAccessToken();
    const me = new JwtService().decode<{ sub: string }>(token);
    expect((await arbiter.http.post(`/v1/users/${me.sub}/disable`, {}, { token })).status).toBe(
      409,
    );
  });

  it('refresh tokens rotate; reusing one revokes the whole family', async () => {
    const { pair } = await person('rotating@test.local', 'reviewer');
    const second = await refresh(pair.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(pair.refreshToken);
    // The first token again: a replay (stolen or raced). The family dies, the newest token too.
    expect((await refresh(pair.refreshToken)).status).toBe(401);
    expect((await refresh(second.body.refreshToken)).status).toBe(401);
    await expectEventually(
      async () =>
        expect(
          (await arbiter.http.get('/v1/review/queues', { token: second.body.accessToken })).status,
        ).toBe(401),
      10_000,
      200,
    );
  });

  it('logout revokes the session: its refresh token and, within seconds, its access token', async () => {
    const { pair } = await person('leaving-for-the-day@test.local', 'reviewer');
    const other = await arbiter.http.post<Pair>('/v1/auth/login', {
      email: 'leaving-for-the-day@test.local',
      password: PASSWORD,
    });
    const out = await arbiter.http.post('/v1/auth/logout', { refreshToken: pair.refreshToken });
    expect(out.status).toBe(204);
    expect((await refresh(pair.refreshToken)).status).toBe(401);
    await expectEventually(
      async () =>
        expect(
          (await arbiter.http.get('/v1/review/queues', { token: pair.accessToken })).status,
        ).toBe(401),
      10_000,
      200,
    );
    // Another session of the same person (another browser) is not affected.
    expect(
      (await arbiter.http.get('/v1/review/queues', { token: other.body.accessToken })).status,
    ).toBe(200);
    expect((await refresh(other.body.refreshToken)).status).toBe(200);
  });
});
