import { OidcConfig } from '@arbiter/config';
import { UserEntity } from '@arbiter/persistence';
import { createHash } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { AccountRepository } from '../account.repository';
import { AuthErrorCode } from '../auth.errors';
import { TokenService } from '../token.service';
import { OidcClient } from './oidc-client.service';
import { LinkedUser, ProviderAccount, SsoAccountRepository } from './sso-account.repository';
import { SsoAudit, SsoAuditEntry } from './sso-audit.port';
import { SsoLogin } from './sso-login.use-case';
import { Handoff, PendingLogin, SsoStateStore } from './sso-state.store';
import { SsoSession, SsoSessionRepository } from './sso-session.repository';
import { AuthInvalidations } from '../auth-invalidations.service';
import { WorkspaceRepository } from '../workspace.repository';

const SETTINGS: OidcConfig = {
  issuer: 'https://idp.test',
  clientId: 'arbiter',
  clientSecret: null,
  redirectUrl: 'https://arbiter.test/v1/auth/oidc/callback',
  scopes: ['openid', 'email'],
  groupsClaim: 'groups',
  roleMap: {
    reviewers: [{ role: 'reviewer' }],
    'claims-leads': [{ role: 'lead', workspace: 'claims' }],
    'gone-leads': [{ role: 'lead', workspace: 'gone' }],
  },
  name: 'IdP',
};

// The workspaces that exist: 'claims' and the default one ('billing', named by no grant here).
const WORKSPACES = [
  { id: 'w-default', key: 'default', name: 'Default' },
  { id: 'w-claims', key: 'claims', name: 'Claims' },
];

/** SsoLogin over in-memory ports: a Map for Redis, a fake provider signing real ID tokens. */
async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256' }] });
  const logins = new Map<string, PendingLogin>();
  const handoffs = new Map<string, Handoff>();
  const linked: ProviderAccount[] = [];
  const audited: SsoAuditEntry[] = [];
  const users = new Map<string, UserEntity>();
  const recorded: SsoSession[] = [];
  const issued: string[] = [];
  const loggedOut: string[] = [];
  let providerLoggedOut = false;
  const provider = { claims: {} as Record<string, unknown>, codes: new Map<string, string>() };
  let authorizeUrl = '';
  const client = {
    settings: SETTINGS,
    authorizationUrl: async (p: { state: string; nonce: string; challenge: string }) =>
      (authorizeUrl = `${SETTINGS.issuer}/auth?state=${p.state}&nonce=${p.nonce}&code_challenge=${p.challenge}`),
    exchange: async (code: string, verifier: string) => {
      // The provider checks the verifier against the challenge it was given.
      const challenge = new URL(authorizeUrl).searchParams.get('code_challenge');
      if (createHash('sha256').update(verifier).digest('base64url') !== challenge)
        throw new Error('PKCE mismatch');
      const nonce = new URL(authorizeUrl).searchParams.get('nonce');
      if (!provider.codes.has(code)) throw new Error('unknown code');
      return sign(privateKey, { nonce, ...provider.claims });
    },
    keys: async () => keys,
  };
  const store = {
    putLogin: async (state: string, login: PendingLogin) => (logins.set(state, login), 0),
    takeLogin: async (state: string) => {
      const login = logins.get(state) ?? null;
      logins.delete(state);
      return login;
    },
    putHandoff: async (code: string, handoff: Handoff) => void handoffs.set(code, handoff),
    takeHandoff: async (code: string) => {
      const handoff = handoffs.get(code) ?? null;
      handoffs.delete(code);
      return handoff;
    },
    loggedOutSince: async () => providerLoggedOut,
  };
  const accounts = {
    link: async (
      account: ProviderAccount,
      onChange: (tx: never, l: LinkedUser) => Promise<void>,
    ) => {
      linked.push(account);
      const user = {
        id: 'u1',
        email: account.email,
        role: account.role,
        disabledAt: null,
      } as UserEntity;
      users.set(user.id, user);
      const result = { user, roleBefore: null, membershipsBefore: {}, membershipsChanged: true };
      await onChange(undefined as never, result);
      return result;
    },
  };
  const audit: SsoAudit = { record: async (entry) => void audited.push(entry) };
  const sso = new SsoLogin(
    client as unknown as OidcClient,
    store as unknown as SsoStateStore,
    accounts as unknown as SsoAccountRepository,
    { findUserById: async (id: string) => users.get(id) ?? null } as unknown as AccountRepository,
    {
      issue: async (_user: string, _role: string, familyId: string) => {
        issued.push(familyId);
        return { accessToken: 'a', refreshToken: 'r', expiresIn: 900 };
      },
      logout: async (refreshToken: string) => void loggedOut.push(refreshToken),
    } as unknown as TokenService,
    audit,
    {
      findByKey: async (key: string) => WORKSPACES.find((w) => w.key === key) ?? null,
    } as unknown as WorkspaceRepository,
    { publish: async () => undefined } as unknown as AuthInvalidations,
    {
      record: async (session: SsoSession) => void recorded.push(session),
    } as unknown as SsoSessionRepository,
  );
  return {
    sso,
    logins,
    handoffs,
    linked,
    audited,
    users,
    provider,
    recorded,
    issued,
    loggedOut,
    logOutAtProvider: () => (providerLoggedOut = true),
  };
}

function sign(key: KeyLike, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({ email: 'rita@corp.test', ...claims })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer(SETTINGS.issuer)
    .setAudience(SETTINGS.clientId)
    .setSubject('rita')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('accepted');
    },
    (error: { code: string; message: string }) => error,
  );

describe('SsoLogin', () => {
  it('keeps a fresh state, nonce and PKCE verifier per start, the challenge being the verifier hashed', async () => {
    const { sso, logins } = await setup();
    const a = await sso.start('1.2.3.4');
    const b = await sso.start('1.2.3.4');
    expect(a.state).not.toBe(b.state);
    const login = logins.get(a.state) as PendingLogin;
    const url = new URL(a.url);
    expect(url.searchParams.get('nonce')).toBe(login.nonce);
    expect(url.searchParams.get('code_challenge')).toBe(
      createHash('sha256').update(login.verifier).digest('base64url'),
    );
  });

  it('signs a user in: links them with the role of their groups, audits it, parks a one-time code, records the session under the provider session', async () => {
    const { sso, provider, linked, audited, handoffs, recorded, issued } = await setup();
    const { state } = await sso.start('1.2.3.4');
    provider.codes.set('code-1', state);
    provider.claims = {
      groups: ['reviewers', 'claims-leads', 'unmapped'],
      email_verified: true,
      sid: 'idp-session-7',
    };
    const { redirect } = await sso.callback({ code: 'code-1', state, browserState: state });
    expect(linked).toEqual([
      {
        issuer: SETTINGS.issuer,
        subject: 'rita',
        email: 'rita@corp.test',
        emailVerified: true,
        role: 'reviewer',
        memberships: [
          { workspaceId: 'w-default', key: 'default', role: 'reviewer' },
          { workspaceId: 'w-claims', key: 'claims', role: 'lead' },
        ],
      },
    ]);
    expect(audited).toEqual([
      expect.objectContaining({ action: 'user.sso_create', actor: { id: 'u1', role: 'reviewer' } }),
    ]);
    const code = /^https:\/\/arbiter\.test\/#sso=([A-Za-z0-9_-]{43})$/.exec(
      redirect,
    )?.[1] as string;
    const provided = { issuer: SETTINGS.issuer, subject: 'rita', sid: 'idp-session-7' };
    expect(handoffs.get(code)).toEqual({
      userId: 'u1',
      role: 'reviewer',
      email: 'rita@corp.test',
      provider: { ...provided, issuedAt: expect.any(Number) },
    });
    await expect(sso.exchange(code)).resolves.toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 900,
      email: 'rita@corp.test',
    });
    // The session issued is the one recorded under the provider's session.
    expect(recorded).toEqual([{ familyId: issued[0], userId: 'u1', ...provided }]);
    expect((await refusal(sso.exchange(code))).code).toBe(AuthErrorCode.SsoExchangeInvalid);
  });

  it('refuses the exchange, and signs the session out, when the provider logged the person out in between', async () => {
    const { sso, provider, logOutAtProvider, loggedOut } = await setup();
    const { state } = await sso.start('1.2.3.4');
    provider.codes.set('code-1', state);
    provider.claims = { groups: ['reviewers'] };
    const { redirect } = await sso.callback({ code: 'code-1', state, browserState: state });
    logOutAtProvider();
    const refused = await refusal(sso.exchange(new URL(redirect).hash.replace('#sso=', '')));
    expect([refused.code, refused.message]).toEqual([
      AuthErrorCode.SsoExchangeInvalid,
      expect.stringMatching(/signed out at the provider/),
    ]);
    expect(loggedOut).toEqual(['r']);
  });

  it('records a session without sid when the provider sends none', async () => {
    const { sso, provider, recorded } = await setup();
    const { state } = await sso.start('1.2.3.4');
    provider.codes.set('code-1', state);
    provider.claims = { groups: ['reviewers'] };
    const { redirect } = await sso.callback({ code: 'code-1', state, browserState: state });
    await sso.exchange(new URL(redirect).hash.replace('#sso=', ''));
    expect(recorded).toEqual([expect.objectContaining({ subject: 'rita', sid: null })]);
  });

  it.each<[string, (state: string) => Record<string, string | undefined>, AuthErrorCode]>([
    [
      'an unknown state',
      () => ({ code: 'c', state: 'A'.repeat(43), browserState: 'A'.repeat(43) }),
      AuthErrorCode.SsoStateInvalid,
    ],
    [
      'a malformed state',
      () => ({ code: 'c', state: '../x', browserState: '../x' }),
      AuthErrorCode.SsoStateInvalid,
    ],
    [
      'another browser',
      (state) => ({ code: 'c', state, browserState: undefined }),
      AuthErrorCode.SsoStateInvalid,
    ],
    [
      "the provider's error",
      (state) => ({ error: 'access_denied', state, browserState: state }),
      AuthErrorCode.SsoCodeRejected,
    ],
    ['no code', (state) => ({ state, browserState: state }), AuthErrorCode.SsoCodeRejected],
  ])('refuses %s, and the state is spent', async (_what, query, code) => {
    const { sso, logins, linked } = await setup();
    const { state } = await sso.start('1.2.3.4');
    expect((await refusal(sso.callback(query(state)))).code).toBe(code);
    if (query(state).state === state) expect(logins.has(state)).toBe(false);
    expect(linked).toEqual([]);
  });

  it('refuses with 403 groups that grant no role in an existing workspace, linking nobody', async () => {
    const { sso, provider, linked } = await setup();
    const { state } = await sso.start('1.2.3.4');
    provider.codes.set('c', state);
    provider.claims = { groups: ['gone-leads', 'marketing'] };
    const error = await refusal(sso.callback({ code: 'c', state, browserState: state }));
    expect(error.code).toBe(AuthErrorCode.SsoNoRole);
    expect(error.message).toMatch(/gone-leads, marketing/);
    expect(linked).toEqual([]);
  });

  it('a workspace grant alone signs in, as a member of that workspace only', async () => {
    const { sso, provider, linked } = await setup();
    const { state } = await sso.start('1.2.3.4');
    provider.codes.set('c', state);
    provider.claims = { groups: ['claims-leads'] };
    await sso.callback({ code: 'c', state, browserState: state });
    expect(linked.map((a) => [a.role, a.memberships])).toEqual([
      ['reviewer', [{ workspaceId: 'w-claims', key: 'claims', role: 'lead' }]],
    ]);
  });

  it('refuses an ID token without an email', async () => {
    const { sso, provider } = await setup();
    const { state } = await sso.start('1.2.3.4');
    provider.codes.set('c', state);
    provider.claims = { groups: ['reviewers'], email: undefined };
    const error = await refusal(sso.callback({ code: 'c', state, browserState: state }));
    expect(error).toMatchObject({
      code: AuthErrorCode.SsoTokenInvalid,
      message: expect.stringMatching(/no email/),
    });
  });

  it('refuses to exchange the code of a user disabled in the meantime', async () => {
    const { sso, provider, handoffs, users } = await setup();
    const { state } = await sso.start('1.2.3.4');
    provider.codes.set('c', state);
    provider.claims = { groups: ['reviewers'] };
    await sso.callback({ code: 'c', state, browserState: state });
    (users.get('u1') as UserEntity).disabledAt = new Date();
    const [code] = [...handoffs.keys()];
    expect((await refusal(sso.exchange(code))).code).toBe(AuthErrorCode.SsoUserDisabled);
  });
});
