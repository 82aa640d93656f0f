// A real OpenID provider (panva's oidc-provider, ESM-only) for the single sign-on tests, run as
// a child process so the api under test, which jest loads as CommonJS, never imports it.
//   node provider.mjs <port> '<json: { clientId, clientSecret, redirectUris, accounts, accountsFile, backchannelLogoutUri }>'
// `accounts` maps a login name to its claims (email, groups, …), read afresh from `accountsFile`
// at each sign-in when one is given (a test changes someone's groups between two sign-ins); any
// password is accepted (the provider's development login form). An account's `codeTtl` (not a
// claim) sets how many seconds its authorization codes live. Prints `issuer <url>` once up.
//
// With `backchannelLogoutUri`, the client is registered for OpenID Connect Back-Channel Logout
// (its ID tokens carry `sid`; signing out at /session/end posts a logout token there). And
// `POST /test/logout-token` (JSON `{ claims, foreignKey }`) answers a logout token signed with the
// provider's own key (or, with `foreignKey`, a key it does not publish under the same kid): the
// defaults (iss, aud, iat, exp, jti, events) overridden by `claims`, a null claim left out.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import Provider from 'oidc-provider';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const KID = 'test-signing-key';
const signingKey = await generateKeyPair('RS256', { extractable: true });
const foreignKey = await generateKeyPair('RS256');
const signingJwk = {
  ...(await exportJWK(signingKey.privateKey)),
  kid: KID,
  alg: 'RS256',
  use: 'sig',
};

const [port, raw] = process.argv.slice(2);
const options = JSON.parse(raw);
const issuer = `http://127.0.0.1:${port}`;
const accounts = () =>
  options.accountsFile ? JSON.parse(readFileSync(options.accountsFile, 'utf8')) : options.accounts;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: options.clientId,
      client_secret: options.clientSecret,
      redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      ...(options.backchannelLogoutUri
        ? {
            backchannel_logout_uri: options.backchannelLogoutUri,
            backchannel_logout_session_required: true,
          }
        : {}),
    },
  ],
  jwks: { keys: [signingJwk] },
  // Its outgoing requests (the back-channel logout POST) skip the SSRF guard, which refuses
  // loopback addresses: Arbiter under test listens on 127.0.0.1.
  fetch: (url, { dispatcher: _guard, ...options }) => globalThis.fetch(url, options),
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  scopes: ['openid', 'email', 'profile', 'groups'],
  // Groups ride in the ID token itself, as Keycloak's and Entra's group claims do.
  conformIdTokenClaims: false,
  ttl: {
    IdToken: options.idTokenTtl ?? 3600,
    AuthorizationCode: (_ctx, code) => accounts()[code.accountId]?.codeTtl ?? 60,
  },
  async findAccount(_ctx, id) {
    const { codeTtl: _ttl, ...claims } = accounts()[id] ?? { email: `${id}@idp.test` };
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...claims };
      },
    };
  },
  // Consent is not what these tests are about: the first login grants what the client asks.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile groups');
    grant.addOIDCClaims(['groups']);
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true },
    backchannelLogout: { enabled: Boolean(options.backchannelLogoutUri) },
  },
});
provider.proxy = false;
provider.on('backchannel.error', (_ctx, error) => console.error(`backchannel logout: ${error}`));

/** A logout token as this provider signs them, with the test's changes to its claims. */
async function logoutToken({ claims = {}, foreignKey: foreign = false }) {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: issuer,
    aud: options.clientId,
    iat: now,
    exp: now + 120,
    jti: randomUUID(),
    events: { [LOGOUT_EVENT]: {} },
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) if (value === null) delete payload[name];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'logout+jwt' })
    .sign(foreign ? foreignKey.privateKey : signingKey.privateKey);
}

provider.use(async (ctx, next) => {
  if (ctx.method !== 'POST' || ctx.path !== '/test/logout-token') return next();
  let raw = '';
  for await (const chunk of ctx.req) raw += chunk;
  ctx.type = 'application/jwt';
  ctx.body = await logoutToken(JSON.parse(raw || '{}'));
});

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`issuer ${issuer}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
