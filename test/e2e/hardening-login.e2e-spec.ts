import { TEST_ADMIN } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';

const WRONG = { email: TEST_ADMIN.email, password: 'not-the-password' };

describe('logins are throttled per account and per address (Redis, 429 with Retry-After)', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      worker: false,
      config: {
        loginThrottle: { maxFailuresPerAccount: 5, maxFailuresPerAddress: 12, windowSeconds: 600 },
      },
    });
  });
  beforeEach(() => arbiter.reset());
  afterAll(() => arbiter.stop());

  // The api trusts X-Forwarded-For (it runs behind a proxy): each test's client gets its own address.
  const login = (body: { email: string; password: string }, address = '198.51.100.1') =>
    arbiter.http.post<{ statusCode: number; message: string }>('/v1/auth/login', body, {
      headers: { 'x-forwarded-for': address },
    });

  it('after 5 wrong passwords the account is refused, even with the right one, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) expect((await login(WRONG)).status).toBe(401);
    const refused = await login(WRONG);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    const right = await login(TEST_ADMIN);
    expect(right.status).toBe(429);
    // From another address too: the account is what is locked.
    expect((await login(TEST_ADMIN, '203.0.113.9')).status).toBe(429);
  });

  it('a success starts the account afresh', async () => {
    for (let i = 0; i < 4; i++) expect((await login(WRONG)).status).toBe(401);
    expect((await login(TEST_ADMIN)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(WRONG)).status).toBe(401);
    expect((await login(TEST_ADMIN)).status).toBe(200);
  });

  it('an address trying many accounts is refused after 12 failures; other addresses are not', async () => {
    for (let i = 0; i < 12; i++)
      expect(
        (await login({ email: `guess-${i}@test.local`, password: 'guess-password' }, '192.0.2.66'))
          .status,
      ).toBe(401);
    const refused = await login(
      { email: 'guess-next@test.local', password: 'guess-password' },
      '192.0.2.66',
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(TEST_ADMIN, '192.0.2.66')).status).toBe(429);
    expect((await login(TEST_ADMIN, '192.0.2.67')).status).toBe(200);
  });

  it('100 parallel wrong logins for one account: at most 5 are checked, the rest refused at once', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => login(WRONG)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(95);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('an unknown email, a wrong password and a disabled account get the same answer', async () => {
    const token = await arbiter.adminAccessToken();
    const created = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      { email: 'off@test.local', password: 'off-password-1', role: 'reviewer' },
      { token },
    );
    await arbiter.http.post(`/v1/users/${created.body.id}/disable`, {}, { token });
    const unknown = await login(
      { email: 'nobody@test.local', password: 'whatever-1' },
      '192.0.2.1',
    );
    const wrong = await login(WRONG, '192.0.2.2');
    const disabled = await login(
      { email: 'off@test.local', password: 'off-password-1' },
      '192.0.2.3',
    );
    expect([unknown, wrong, disabled].map((r) => [r.status, r.body])).toEqual(
      Array(3).fill([401, unknown.body]),
    );
  });
});

describe('without a trusted proxy, X-Forwarded-For cannot dodge the per-address throttle', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      worker: false,
      config: {
        trustProxy: false,
        loginThrottle: { maxFailuresPerAccount: 5, maxFailuresPerAddress: 3, windowSeconds: 600 },
      },
    });
  });
  afterAll(() => arbiter.stop());

  it('a new claimed address each time is still the same address', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await arbiter.http.post(
        '/v1/auth/login',
        { email: `guess-${i}@test.local`, password: 'guess-password' },
        { headers: { 'x-forwarded-for': `192.0.2.${i}` } },
      );
      expect(res.status).toBe(401);
    }
    const res = await arbiter.http.post(
      '/v1/auth/login',
      { email: 'guess-9@test.local', password: 'guess-password' },
      { headers: { 'x-forwarded-for': '192.0.2.99' } },
    );
    expect(res.status).toBe(429);
  });
});
