import { MAX_STARTS_PER_ADDRESS } from '@arbiter/auth';
import { TEST_ADMIN } from '@arbiter/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArbiterHarness } from '../support/arbiter.harness';
import {
  CookieBrowser,
  freePort,
  OidcProviderProcess,
  throughProvider,
} from '../support/oidc/oidc-provider.process';

// Arbiter as the provider knows it: behind a proxy at this origin. The test plays the proxy,
// carrying the provider's redirect to the api under test (whose port is only known once it listens).
const PUBLIC_ORIGIN = 'http://arbiter.test';
const REDIRECT_URL = `${PUBLIC_ORIGIN}/v1/auth/oidc/callback`;
const CLIENT = { clientId: 'arbiter', clientSecret: 'a-confidential-client-secret' };

const ACCOUNTS = {
  ana: { email: 'ana@corp.test', email_verified: true, groups: ['staff', 'arbiter-admins'] },
  rita: { email: 'rita@corp.test', email_verified: true, groups: ['arbiter-reviewers'] },
  leo: { email: 'leo@corp.test', email_verified: true, groups: 'arbiter-leads' },
  nora: { email: 'nora@corp.test', email_verified: true, groups: ['marketing', 'Arbiter-Admins'] },
  // A lead of the claims workspace only, and a member of nowhere that exists.
  cleo: { email: 'cleo@corp.test', email_verified: true, groups: ['claims-leads'] },
  gus: { email: 'gus@corp.test', email_verified: true, groups: ['ghost-leads'] },
  // Their authorization codes live one second (codeTtl is the provider's setting, not a claim).
  hasty: {
    email: 'hasty@corp.test',
    email_verified: true,
    groups: ['arbiter-reviewers'],
    codeTtl: 1,
  },
  // Claims the bootstrap admin's address, which the provider does not vouch for.
  mallory: { email: TEST_ADMIN.email, email_verified: false, groups: ['arbiter-admins'] },
};

/**
 * Single sign-on against a real OpenID provider (oidc-provider in a child process): the whole
 * authorization code flow with PKCE through the provider's own login form, the role from the
 * provider's group claim, the refusals (replayed state and code, a group that maps to no role,
 * another browser's callback, a disabled user, an email the provider does not vouch for), with
 * email-and-password logins switched off on this deployment.
 */
/** Each user's role in the default workspace (where global grants of reviewer and lead land). */
const DEFAULT_WORKSPACE_ROLES = `SELECT u.email, m.role FROM users u
  JOIN workspace_members m ON m.user_id = u.id
  JOIN workspaces w ON w.id = m.workspace_id AND w.key = 'default'`;

describe('single sign-on with OpenID Connect', () => {
  let provider: OidcProviderProcess;
  let arbiter: ArbiterHarness;
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-sso-'));
  const accountsFile = join(dir, 'accounts.json');
  /** The provider's accounts as of the next sign-in. */
  const setAccounts = (accounts: Record<string, Record<string, unknown>>) =>
    writeFileSync(accountsFile, JSON.stringify(accounts));

  beforeAll(async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    arbiter = await ArbiterHarness.start({
      worker: false,
      config: {
        sso: {
          localLogin: false,
          oidc: {
            issuer,
            ...CLIENT,
            redirectUrl: REDIRECT_URL,
            scopes: ['openid', 'email', 'profile', 'groups'],
            groupsClaim: 'groups',
            roleMap: {
              'arbiter-reviewers': [{ role: 'reviewer' }],
              'arbiter-leads': [{ role: 'lead' }],
              'arbiter-admins': [{ role: 'admin' }],
              'claims-leads': [{ role: 'lead', workspace: 'claims' }],
              'ghost-leads': [{ role: 'lead', workspace: 'ghost' }],
            },
            name: 'Corp IdP',
          },
        },
      },
    });
    setAccounts(ACCOUNTS);
    provider = await OidcProviderProcess.start(port, {
      ...CLIENT,
      redirectUris: [REDIRECT_URL],
      accounts: ACCOUNTS,
      accountsFile,
    });
    expect(provider.issuer).toBe(issuer);
  }, 60_000);

  afterAll(async () => {
    await provider?.stop();
    await arbiter?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = () => arbiter.http.baseUrl;
  /** The api under test at the address the provider redirects to. */
  const proxied = (url: URL) => `${api()}${url.pathname}${url.search}`;

  /** The callback URL the provider sends `browser` back to once `login` signed in there. */
  async function signInAtProvider(browser: CookieBrowser, login: string): Promise<URL> {
    const { callback, authorize } = await throughProvider(browser, api(), REDIRECT_URL, login);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return callback;
  }

  /** The callback as this browser visits it: 302 to the UI with a one-time code, or a refusal. */
  async function callback(browser: CookieBrowser, url: URL) {
    const res = await browser.get(proxied(url));
    const location = res.headers.get('location');
    const body =
      res.status === 302 ? null : ((await res.json()) as { code: string; message: string });
    return { status: res.status, location, body };
  }

  /** Signs `login` in end to end: provider, callback, exchange. */
  async function signIn(login: string) {
    const browser = new CookieBrowser();
    const back = await callback(browser, await signInAtProvider(browser, login));
    expect([back.status, back.body]).toEqual([302, null]);
    const ui = new URL(back.location as string);
    expect(`${ui.origin}${ui.pathname}`).toBe(`${PUBLIC_ORIGIN}/`);
    // Never a token in the address: a one-time code, in the fragment.
    expect(ui.search).toBe('');
    const code = /^#sso=([A-Za-z0-9_-]+)$/.exec(ui.hash)?.[1] as string;
    expect(code).toBeDefined();
    const session = await arbiter.http.post<{
      accessToken: string;
      refreshToken: string;
      email: string;
    }>('/v1/auth/oidc/exchange', { code });
    expect(session.status).toBe(200);
    return { session: session.body, code };
  }

  beforeEach(async () => {
    setAccounts(ACCOUNTS);
    await arbiter.reset();
  });

  it('tells the login page that only single sign-on is offered, and refuses passwords with 403', async () => {
    const config = await arbiter.http.get('/v1/auth/config');
    expect(config.body).toEqual({
      localLogin: false,
      sso: { name: 'Corp IdP', startUrl: '/v1/auth/oidc/start' },
    });
    // The bootstrap admin's right password, refused all the same.
    const login = await arbiter.http.post('/v1/auth/login', TEST_ADMIN);
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ code: 'auth.local_login_disabled' });
  });

  it("signs a user in through the provider's login form, with the role of their group claim, as an Arbiter session", async () => {
    const { session, code } = await signIn('ana');
    expect(session.email).toBe('ana@corp.test');
    // An admin by the `arbiter-admins` group: the admin API answers.
    const users = await arbiter.http.get<{ email: string; role: string }[]>('/v1/users', {
      token: session.accessToken,
    });
    expect(users.status).toBe(200);
    expect(users.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: 'ana@corp.test', role: 'admin' })]),
    );
    const [row] = await arbiter.db.query(
      `SELECT u.role, u.password_hash, i.issuer, i.subject FROM users u
         JOIN user_identities i ON i.user_id = u.id WHERE u.email = 'ana@corp.test'`,
    );
    expect(row).toEqual({
      role: 'admin',
      password_hash: null,
      issuer: provider.issuer,
      subject: 'ana',
    });
    // The one-time code is spent.
    const again = await arbiter.http.post('/v1/auth/oidc/exchange', { code });
    expect([again.status, again.body]).toEqual([
      401,
      expect.objectContaining({ code: 'auth.oidc_exchange_invalid' }),
    ]);
    // The session is Arbiter's own: refresh and logout work as for a password login.
    const refreshed = await arbiter.http.post<{ accessToken: string }>('/v1/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(refreshed.status).toBe(200);
  });

  it('gives each user the role their groups map to: a string claim too, the highest role winning', async () => {
    const rita = (await signIn('rita')).session;
    expect((await arbiter.http.get('/v1/users', { token: rita.accessToken })).status).toBe(403);
    expect((await arbiter.http.get('/v1/review/queues', { token: rita.accessToken })).status).toBe(
      200,
    );
    await signIn('leo');
    const roles = await arbiter.db.query(
      `${DEFAULT_WORKSPACE_ROLES} WHERE u.email LIKE '%@corp.test' ORDER BY u.email`,
    );
    expect(roles).toEqual([
      { email: 'leo@corp.test', role: 'lead' },
      { email: 'rita@corp.test', role: 'reviewer' },
    ]);
    // Signing in again finds the same user (linked by issuer and subject), no second account.
    await signIn('rita');
    const [{ count }] = await arbiter.db.query(
      `SELECT count(*)::int AS count FROM users WHERE email = 'rita@corp.test'`,
    );
    expect(count).toBe(1);
  });

  it('a workspace grant makes a member of that workspace only; a grant of a workspace that does not exist signs nobody in', async () => {
    // Local logins are off here: the platform admin signs in through the provider too.
    const platform = (await signIn('ana')).session.accessToken;
    const created = await arbiter.http.post(
      '/v1/workspaces',
      { key: 'claims', name: 'Claims' },
      { token: platform },
    );
    expect(created.status).toBe(201);
    const cleo = (await signIn('cleo')).session;
    const mine = await arbiter.http.get('/v1/workspaces/mine', { token: cleo.accessToken });
    expect(mine.body).toEqual({
      platformAdmin: false,
      workspaces: [expect.objectContaining({ key: 'claims', role: 'lead' })],
    });
    // A lead in claims, nothing in the default workspace (the same 404 as an unknown one).
    const inClaims = { token: cleo.accessToken, headers: { 'x-arbiter-workspace': 'claims' } };
    expect((await arbiter.http.get('/v1/stats/sla', inClaims)).status).toBe(200);
    const inDefault = { token: cleo.accessToken, headers: { 'x-arbiter-workspace': 'default' } };
    expect((await arbiter.http.get('/v1/stats/sla', inDefault)).status).toBe(404);
    const browser = new CookieBrowser();
    const refused = await callback(browser, await signInAtProvider(browser, 'gus'));
    expect([refused.status, refused.body?.code]).toEqual([403, 'auth.oidc_no_role']);
  });

  it('an admin creates people without a password (refused with one: it could never be used), who then sign in through the provider', async () => {
    const admin = { token: (await signIn('ana')).session.accessToken };
    const withPassword = await arbiter.http.post(
      '/v1/users',
      { email: 'pia@corp.test', password: 'a-password-1', role: 'lead' },
      admin,
    );
    expect([withPassword.status, withPassword.body]).toEqual([
      400,
      expect.objectContaining({ code: 'auth.password_setting' }),
    ]);
    const created = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      { email: 'pia@corp.test', role: 'lead' },
      admin,
    );
    expect(created.status).toBe(201);
    const [row] = await arbiter.db.query(`SELECT password_hash FROM users WHERE id = $1`, [
      created.body.id,
    ]);
    expect(row.password_hash).toBeNull();
  });

  it('signs one person in from several browsers at once as one user', async () => {
    const browsers = [new CookieBrowser(), new CookieBrowser(), new CookieBrowser()];
    const backs = await Promise.all(browsers.map((b) => signInAtProvider(b, 'leo')));
    const answers = await Promise.all(browsers.map((b, i) => callback(b, backs[i])));
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302]);
    const rows = await arbiter.db.query(
      `SELECT u.id FROM users u JOIN user_identities i ON i.user_id = u.id WHERE u.email = 'leo@corp.test'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('records a new user and their role in the audit log', async () => {
    const mark = await arbiter.auditMark();
    await signIn('rita');
    const entries = await arbiter.auditEntriesSince(mark);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'user.sso_create',
        actorRole: 'reviewer',
        ip: '127.0.0.1',
        before: null,
        after: expect.objectContaining({ email: 'rita@corp.test', role: 'reviewer' }),
      }),
    ]);
    await signIn('rita');
    // The same role again is no change: nothing more recorded.
    expect(await arbiter.auditEntriesSince(mark)).toHaveLength(1);
  });

  it("follows the provider's groups at every sign-in: a new workspace role is audited and holds for the old session's tokens too, up and down", async () => {
    const before = (await signIn('rita')).session;
    setAccounts({ ...ACCOUNTS, rita: { ...ACCOUNTS.rita, groups: ['arbiter-leads'] } });
    const mark = await arbiter.auditMark();
    const after = (await signIn('rita')).session;
    const [row] = await arbiter.db.query(
      `SELECT u.id, m.role FROM users u
         JOIN workspace_members m ON m.user_id = u.id
         JOIN workspaces w ON w.id = m.workspace_id AND w.key = 'default'
        WHERE u.email = 'rita@corp.test'`,
    );
    expect(row.role).toBe('lead');
    expect(await arbiter.auditEntriesSince(mark)).toEqual([
      expect.objectContaining({
        action: 'user.sso_role',
        actorId: row.id,
        targetId: row.id,
        before: { role: 'reviewer', workspaces: { default: 'reviewer' } },
        after: expect.objectContaining({
          role: 'reviewer',
          workspaces: { default: 'lead' },
          groups: ['arbiter-leads'],
        }),
      }),
    ]);
    // Roles are read from the membership on every request: both sessions now act as a lead.
    for (const session of [before, after])
      expect((await arbiter.http.get('/v1/stats/sla', { token: session.accessToken })).status).toBe(
        200,
      );
    // Back to reviewer at the provider: the lead's powers go at the next sign-in, old tokens too.
    setAccounts({ ...ACCOUNTS, rita: { ...ACCOUNTS.rita, groups: ['arbiter-reviewers'] } });
    await signIn('rita');
    for (const session of [before, after])
      expect((await arbiter.http.get('/v1/stats/sla', { token: session.accessToken })).status).toBe(
        403,
      );
    // Out of every mapped group: refused, and the account keeps its last memberships until an
    // admin acts.
    setAccounts({ ...ACCOUNTS, rita: { ...ACCOUNTS.rita, groups: [] } });
    const browser = new CookieBrowser();
    const refused = await callback(browser, await signInAtProvider(browser, 'rita'));
    expect([refused.status, refused.body?.code]).toEqual([403, 'auth.oidc_no_role']);
  });

  it('refuses a replayed state, a replayed authorization code and a callback opened in another browser, with 401', async () => {
    const browser = new CookieBrowser();
    const first = await signInAtProvider(browser, 'rita');
    expect((await callback(browser, first)).status).toBe(302);
    // The same callback again: its state was spent.
    const replayed = await callback(browser, first);
    expect([replayed.status, replayed.body?.code]).toEqual([401, 'auth.oidc_state_invalid']);
    // The spent code with a fresh, valid state: the provider refuses it.
    const second = await signInAtProvider(browser, 'rita');
    const withOldCode = new URL(second);
    withOldCode.searchParams.set('code', first.searchParams.get('code') as string);
    const refused = await callback(browser, withOldCode);
    expect([refused.status, refused.body?.code]).toEqual([401, 'auth.oidc_code_rejected']);
    expect(refused.body?.message).toMatch(/invalid_grant/);
    // A callback link opened by someone else (no state cookie of this sign-in) signs nobody in.
    const third = await signInAtProvider(browser, 'rita');
    const stranger = await callback(new CookieBrowser(), third);
    expect([stranger.status, stranger.body?.code]).toEqual([401, 'auth.oidc_state_invalid']);
    // A made-up state.
    const forged = new URL(third);
    forged.searchParams.set('state', 'x'.repeat(43));
    expect((await callback(browser, forged)).status).toBe(401);
  });

  it('refuses an expired authorization code with 401', async () => {
    const browser = new CookieBrowser();
    const back = await signInAtProvider(browser, 'hasty');
    // The code's one second passes (the provider's clock, which no test can move).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const refused = await callback(browser, back);
    expect([refused.status, refused.body?.code]).toEqual([401, 'auth.oidc_code_rejected']);
    expect(refused.body?.message).toMatch(/invalid_grant/);
    expect(await arbiter.db.query(`SELECT 1 FROM users WHERE email = 'hasty@corp.test'`)).toEqual(
      [],
    );
  });

  it('refuses with 403 a user whose groups map to no role, and creates no account', async () => {
    const browser = new CookieBrowser();
    const refused = await callback(browser, await signInAtProvider(browser, 'nora'));
    expect(refused.status).toBe(403);
    expect(refused.body?.code).toBe('auth.oidc_no_role');
    expect(refused.body?.message).toMatch(/marketing, Arbiter-Admins/);
    expect(await arbiter.db.query(`SELECT 1 FROM users WHERE email = 'nora@corp.test'`)).toEqual(
      [],
    );
  });

  it('keeps a disabled user out, and does not hand a local account to an email the provider does not vouch for', async () => {
    const admin = (await signIn('ana')).session;
    await signIn('rita');
    const [{ id }] = await arbiter.db.query(`SELECT id FROM users WHERE email = 'rita@corp.test'`);
    const disabled = await arbiter.http.post(
      `/v1/users/${id}/disable`,
      {},
      { token: admin.accessToken },
    );
    expect(disabled.status).toBe(200);
    const browser = new CookieBrowser();
    const refused = await callback(browser, await signInAtProvider(browser, 'rita'));
    expect([refused.status, refused.body?.code]).toEqual([403, 'auth.oidc_user_disabled']);

    const other = new CookieBrowser();
    const taken = await callback(other, await signInAtProvider(other, 'mallory'));
    expect([taken.status, taken.body?.code]).toEqual([409, 'auth.oidc_email_taken']);
    expect(
      await arbiter.db.query(`SELECT 1 FROM user_identities WHERE subject = 'mallory'`),
    ).toEqual([]);
  });

  it('answers a malformed exchange with 400 naming the field', async () => {
    const res = await arbiter.http.post('/v1/auth/oidc/exchange', { code: 'short' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/code must be the sign-in code/);
  });

  it("spends the state on the provider's own refusal, and sends a person's browser back to the login page with the code", async () => {
    const browser = new CookieBrowser();
    const back = await signInAtProvider(browser, 'rita');
    const cancelled = new URL(back);
    cancelled.searchParams.delete('code');
    cancelled.searchParams.set('error', 'access_denied');
    const refused = await callback(browser, cancelled);
    expect([refused.status, refused.body?.code]).toEqual([401, 'auth.oidc_code_rejected']);
    expect(refused.body?.message).toMatch(/access_denied/);
    // Its state is spent: the real code cannot follow.
    expect((await callback(browser, back)).body?.code).toBe('auth.oidc_state_invalid');
    // A browser (Accept: text/html) is sent to the login page with the refusal's code only.
    const page = await fetch(proxied(back), {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(
      `${PUBLIC_ORIGIN}/#sso_error=auth.oidc_state_invalid`,
    );
  });

  it('cuts a flood of sign-in starts from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_STARTS_PER_ADDRESS; i++) {
      const res = await fetch(`${api()}/v1/auth/oidc/start`, { redirect: 'manual' });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 302)).toHaveLength(MAX_STARTS_PER_ADDRESS);
    expect(statuses[MAX_STARTS_PER_ADDRESS]).toBe(429);
  });
});
