// A real OpenID provider (panva's oidc-provider, ESM-only) for the single sign-on tests, run as
// a child process so the api under test, which jest loads as CommonJS, never imports it.
//   node provider.mjs <port> '<json: { clientId, clientSecret, redirectUris, accounts, accountsFile }>'
// `accounts` maps a login name to its claims (email, groups, …), read afresh from `accountsFile`
// at each sign-in when one is given (a test changes someone's groups between two sign-ins); any
// password is accepted (the provider's development login form). An account's `codeTtl` (not a
// claim) sets how many seconds its authorization codes live. Prints `issuer <url>` once up.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

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
    },
  ],
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
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`issuer ${issuer}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
