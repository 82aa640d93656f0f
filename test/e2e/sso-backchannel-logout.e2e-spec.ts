import { TEST_ADMIN } from '@arbiter/testing';
import { ApiReplica, MINUTE_LONG_AUTH_CACHES, onceAnnounced } from '../support/api-replica';
import { ArbiterHarness } from '../support/arbiter.harness';
import {
  CookieBrowser,
  freePort,
  OidcProviderProcess,
  signOutAtProvider,
  throughProvider,
} from '../support/oidc/oidc-provider.process';

const REDIRECT_URL = 'http://arbiter.test/v1/auth/oidc/callback';
const CLIENT = { clientId: 'arbiter', clientSecret: 'a-confidential-client-secret' };
const LOGOUT_PATH = '/v1/auth/oidc/backchannel-logout';
const ACCOUNTS = {
  rita: { email: 'rita@corp.test', email_verified: true, groups: ['arbiter-reviewers'] },
  leo: { email: 'leo@corp.test', email_verified: true, groups: ['arbiter-reviewers'] },
};

interface Session {
  accessToken: string;
  refreshToken: string;
}

/**
 * OpenID Connect Back-Channel Logout against a real provider (oidc-provider in a child process,
 * registered with Arbiter's back-channel logout URI): a person signed out at the provider, or
 * named by a logout token, loses their Arbiter sessions at once, on every api replica; everyone
 * else keeps theirs; a logout token failing any check is refused with 400 and revokes nothing.
 */
describe('back-channel logout from the OpenID provider', () => {
  let provider: OidcProviderProcess;
  let arbiter: ArbiterHarness;

  beforeAll(async () => {
    const port = await freePort();
    arbiter = await ArbiterHarness.start({
      worker: false,
      config: {
        ...MINUTE_LONG_AUTH_CACHES,
        sso: {
          localLogin: true,
          oidc: {
            issuer: `http://127.0.0.1:${port}`,
            ...CLIENT,
            redirectUrl: REDIRECT_URL,
            scopes: ['openid', 'email', 'groups'],
            groupsClaim: 'groups',
            roleMap: { 'arbiter-reviewers': [{ role: 'reviewer' }] },
            name: 'Corp IdP',
          },
        },
      },
    });
    provider = await OidcProviderProcess.start(port, {
      ...CLIENT,
      redirectUris: [REDIRECT_URL],
      accounts: ACCOUNTS,
      backchannelLogoutUri: `${arbiter.http.baseUrl}${LOGOUT_PATH}`,
    });
  }, 60_000);

  afterAll(async () => {
    await provider?.stop();
    await arbiter?.stop();
  });

  beforeEach(() => arbiter.reset());

  /** Signs `login` in at the provider and through Arbiter's callback: the one-time code the web UI would collect. */
  async function callbackCode(browser: CookieBrowser, login: string): Promise<string> {
    const { callback } = await throughProvider(browser, arbiter.http.baseUrl, REDIRECT_URL, login);
    const back = await browser.get(`${arbiter.http.baseUrl}${callback.pathname}${callback.search}`);
    return new URL(back.headers.get('location') as string).hash.replace('#sso=', '');
  }

  /** Signs `login` in through the provider in a browser of its own; the browser keeps the provider's session. */
  async function signIn(login: string): Promise<{ browser: CookieBrowser; session: Session }> {
    const browser = new CookieBrowser();
    const code = await callbackCode(browser, login);
    const session = await arbiter.http.post<Session>('/v1/auth/oidc/exchange', { code });
    expect(session.status).toBe(200);
    return { browser, session: session.body };
  }

  async function passwordLogin(): Promise<Session> {
    const login = await arbiter.http.post<Session>('/v1/auth/login', TEST_ADMIN);
    expect(login.status).toBe(200);
    return login.body;
  }

  /** Whether a session still works: its access token on an API call, and its refresh token. */
  async function works(session: Session): Promise<[number, number]> {
    const call = await arbiter.http.get('/v1/workspaces/mine', { token: session.accessToken });
    const refresh = await arbiter.http.post<Session>('/v1/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    // A refresh spends the token: the session goes on with the new pair.
    if (refresh.status === 200) Object.assign(session, refresh.body);
    return [call.status, refresh.status];
  }
  const WORKS: [number, number] = [200, 200];
  const SIGNED_OUT: [number, number] = [401, 401];

  /** Posts a logout token as the provider does: form-encoded. */
  async function postLogout(logoutToken: string) {
    const res = await fetch(`${arbiter.http.baseUrl}${LOGOUT_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: logoutToken }).toString(),
    });
    const text = await res.text();
    return {
      status: res.status,
      cacheControl: res.headers.get('cache-control'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  }

  /** The provider session (`sid`) each of the user's Arbiter sessions was signed in under. */
  async function sidsOf(email: string): Promise<string[]> {
    const rows: { sid: string }[] = await arbiter.db.query(
      `SELECT s.sid FROM sso_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1
        ORDER BY s.created_at`,
      [email],
    );
    return rows.map((r) => r.sid);
  }

  it("signing out at the provider ends that browser's Arbiter session (by sid), and only that one", async () => {
    const rita = await signIn('rita');
    const ritaElsewhere = await signIn('rita');
    const leo = await signIn('leo');
    const admin = await passwordLogin();
    // Two browsers, two provider sessions: the ID tokens' sid was kept with each session.
    const sids = await sidsOf('rita@corp.test');
    expect(sids).toHaveLength(2);
    expect(sids[0]).not.toBe(sids[1]);
    expect(sids.every((sid) => typeof sid === 'string' && sid.length > 0)).toBe(true);

    // The provider posts the logout token to Arbiter before its logout page answers.
    await signOutAtProvider(rita.browser, provider.issuer);

    expect(await works(rita.session)).toEqual(SIGNED_OUT);
    expect(await works(ritaElsewhere.session)).toEqual(WORKS);
    expect(await works(leo.session)).toEqual(WORKS);
    expect(await works(admin)).toEqual(WORKS);
  });

  it('a logout token naming a session (sid) revokes that session; with a sub of someone else, nothing', async () => {
    const rita = await signIn('rita');
    const ritaElsewhere = await signIn('rita');
    const [sid] = await sidsOf('rita@corp.test');

    const foreign = await postLogout(await provider.logoutToken({ sid, sub: 'leo' }));
    expect([foreign.status, foreign.cacheControl]).toEqual([200, 'no-store']);
    expect(await works(rita.session)).toEqual(WORKS);

    const bySid = await postLogout(await provider.logoutToken({ sid }));
    expect([bySid.status, bySid.cacheControl, bySid.body]).toEqual([200, 'no-store', null]);
    expect(await works(rita.session)).toEqual(SIGNED_OUT);
    expect(await works(ritaElsewhere.session)).toEqual(WORKS);
  });

  it('a logout token naming only the subject (sub) revokes every session of that person, no one else', async () => {
    const rita = await signIn('rita');
    const ritaElsewhere = await signIn('rita');
    const leo = await signIn('leo');
    const admin = await passwordLogin();

    const bySub = await postLogout(await provider.logoutToken({ sub: 'rita' }));
    expect([bySub.status, bySub.cacheControl]).toEqual([200, 'no-store']);

    expect(await works(rita.session)).toEqual(SIGNED_OUT);
    expect(await works(ritaElsewhere.session)).toEqual(SIGNED_OUT);
    expect(await works(leo.session)).toEqual(WORKS);
    expect(await works(admin)).toEqual(WORKS);
    // A subject the provider never signed in here: nothing to do, and the provider is told so.
    expect((await postLogout(await provider.logoutToken({ sub: 'stranger' }))).status).toBe(200);
  });

  it('a sign-in not yet collected when the provider logs the person out is refused at the exchange', async () => {
    // Signed out at the provider between Arbiter's callback and the web UI's exchange (by sid).
    const browser = new CookieBrowser();
    const code = await callbackCode(browser, 'rita');
    await signOutAtProvider(browser, provider.issuer);
    const refused = await arbiter.http.post('/v1/auth/oidc/exchange', { code });
    expect([refused.status, refused.body]).toEqual([
      401,
      expect.objectContaining({
        code: 'auth.oidc_exchange_invalid',
        message: expect.stringMatching(/signed out at the provider/),
      }),
    ]);
    // Logged out by subject in between: the same.
    const other = await callbackCode(new CookieBrowser(), 'rita');
    expect((await postLogout(await provider.logoutToken({ sub: 'rita' }))).status).toBe(200);
    expect((await arbiter.http.post('/v1/auth/oidc/exchange', { code: other })).status).toBe(401);
    // A logout issued before a sign-in's ID token does not touch that sign-in.
    const earlier = Math.floor(Date.now() / 1000) - 5;
    const late = await callbackCode(new CookieBrowser(), 'leo');
    expect(
      (await postLogout(await provider.logoutToken({ sub: 'leo', iat: earlier }))).status,
    ).toBe(200);
    expect((await arbiter.http.post('/v1/auth/oidc/exchange', { code: late })).status).toBe(200);
  });

  it.each<[string, Record<string, unknown>, { foreignKey?: boolean }, RegExp]>([
    ['a bad signature', {}, { foreignKey: true }, /signature does not verify/],
    ['another audience', { aud: 'another-client' }, {}, /audience/],
    ['another issuer', { iss: 'http://127.0.0.1:1' }, {}, /issuer "http:\/\/127.0.0.1:1"/],
    ['no events claim', { events: null }, {}, /events claim/],
    ['an event that is not logout', { events: { 'urn:other': {} } }, {}, /events claim/],
    ['a nonce', { nonce: 'n-0S6_WzA2Mj' }, {}, /nonce/],
    ['no iat', { iat: null }, {}, /iat/],
    ['an old iat', { iat: Math.floor(Date.now() / 1000) - 3600 }, {}, /iat/],
    ['neither sub nor sid', { sub: null, sid: null }, {}, /neither a subject/],
  ])(
    'refuses a logout token with %s: 400 invalid_request, and nothing revoked',
    async (_what, claims, options, why) => {
      const rita = await signIn('rita');
      const [sid] = await sidsOf('rita@corp.test');
      const res = await postLogout(
        await provider.logoutToken({ sub: 'rita', sid, ...claims }, options),
      );
      expect([res.status, res.cacheControl]).toEqual([400, 'no-store']);
      expect(res.body).toMatchObject({
        error: 'invalid_request',
        error_description: expect.stringMatching(why),
      });
      expect(await works(rita.session)).toEqual(WORKS);
    },
  );

  it('refuses a replayed jti with 400: the same token again, or another token reusing its jti', async () => {
    const rita = await signIn('rita');
    const first = await provider.logoutToken({ sub: 'stranger', jti: 'jti-once' });
    expect((await postLogout(first)).status).toBe(200);
    const again = await postLogout(first);
    expect([again.status, again.body?.error]).toEqual([400, 'invalid_request']);
    expect(again.body?.error_description).toMatch(/jti "jti-once" was already used/);
    const reused = await postLogout(await provider.logoutToken({ sub: 'rita', jti: 'jti-once' }));
    expect([reused.status, reused.body?.error]).toEqual([400, 'invalid_request']);
    expect(await works(rita.session)).toEqual(WORKS);
  });

  it('refuses a request without a logout token with 400, and a body of another media type with 415', async () => {
    const send = (body: string, type: string, path = LOGOUT_PATH) =>
      fetch(`${arbiter.http.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const empty = await send('', 'application/x-www-form-urlencoded');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: 'invalid_request' });
    const garbage = await send('logout_token=not.a.jwt', 'application/x-www-form-urlencoded');
    expect(garbage.status).toBe(400);
    // A valid token, but not form-encoded as the specification has it.
    const token = await provider.logoutToken({ sub: 'rita' });
    const rita = await signIn('rita');
    expect((await send(JSON.stringify({ logout_token: token }), 'application/json')).status).toBe(
      415,
    );
    expect((await send(`logout_token=${token}`, 'text/plain')).status).toBe(415);
    expect(await works(rita.session)).toEqual(WORKS);
    // A repeated field is no single token.
    const twice = await send('logout_token=a&logout_token=b', 'application/x-www-form-urlencoded');
    expect(twice.status).toBe(400);
  });

  /**
   * The provider posts its logout tokens to one replica, A (the URI registered with it). Replica B
   * (same database and Redis prefix) has the session cached for a minute and refuses it at once
   * all the same; a replica on a Redis prefix of its own, deaf to A's announcement, does not.
   */
  describe('on another api replica', () => {
    let b: ApiReplica;
    let deaf: ApiReplica;

    beforeAll(async () => {
      b = await ApiReplica.start(arbiter.config);
      deaf = await ApiReplica.deaf(arbiter.config);
    }, 60_000);

    afterAll(async () => {
      await deaf?.stop();
      await b?.stop();
    });

    beforeEach(() => [b, deaf].forEach((replica) => replica.forgetAuthCaches()));

    /** Each session's access token on an API call on `replica` (which then has it cached). */
    const callsOn = (replica: ApiReplica, ...sessions: Session[]) =>
      Promise.all(
        sessions.map(
          async (s) =>
            (await replica.http.get('/v1/workspaces/mine', { token: s.accessToken })).status,
        ),
      );

    it('signed out at the provider (sid), the session is refused on B at once', async () => {
      const rita = await signIn('rita');
      const ritaElsewhere = await signIn('rita');
      for (const replica of [b, deaf])
        expect(await callsOn(replica, rita.session, ritaElsewhere.session)).toEqual([200, 200]);

      await signOutAtProvider(rita.browser, provider.issuer);

      await onceAnnounced(async () =>
        expect(await callsOn(b, rita.session, ritaElsewhere.session)).toEqual([401, 200]),
      );
      expect(await callsOn(deaf, rita.session)).toEqual([200]);
    });

    it('logged out by subject (sub) on A, every session of the person is refused on B at once', async () => {
      const rita = await signIn('rita');
      const ritaElsewhere = await signIn('rita');
      const leo = await signIn('leo');
      for (const replica of [b, deaf])
        expect(await callsOn(replica, rita.session, ritaElsewhere.session, leo.session)).toEqual([
          200, 200, 200,
        ]);

      expect((await postLogout(await provider.logoutToken({ sub: 'rita' }))).status).toBe(200);

      await onceAnnounced(async () =>
        expect(await callsOn(b, rita.session, ritaElsewhere.session, leo.session)).toEqual([
          401, 401, 200,
        ]),
      );
      expect(await callsOn(deaf, rita.session, ritaElsewhere.session)).toEqual([200, 200]);
    });
  });
});
