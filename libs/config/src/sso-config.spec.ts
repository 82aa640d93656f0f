import { readSsoConfig } from './sso-config';

const OIDC = {
  ARBITER_OIDC_ISSUER: 'https://login.example.com/realms/corp',
  ARBITER_OIDC_CLIENT_ID: 'arbiter',
  ARBITER_OIDC_REDIRECT_URL: 'https://arbiter.example.com/v1/auth/oidc/callback',
  ARBITER_OIDC_ROLE_MAP: '{"arbiter-admins":"admin","claims":{"role":"lead","workspace":"claims"}}',
};

function read(env: Record<string, string>) {
  const problems: string[] = [];
  return { config: readSsoConfig(env, problems), problems };
}

describe('readSsoConfig', () => {
  it('without an issuer: passwords only, no single sign-on', () => {
    expect(read({})).toEqual({ config: { localLogin: true, oidc: null }, problems: [] });
  });

  it('reads a provider, with the defaults of scopes, groups claim and name', () => {
    const { config, problems } = read({ ...OIDC, ARBITER_LOCAL_LOGIN: 'false' });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      localLogin: false,
      oidc: {
        issuer: OIDC.ARBITER_OIDC_ISSUER,
        clientId: 'arbiter',
        clientSecret: null,
        redirectUrl: OIDC.ARBITER_OIDC_REDIRECT_URL,
        scopes: ['openid', 'email', 'profile'],
        groupsClaim: 'groups',
        roleMap: {
          'arbiter-admins': [{ role: 'admin' }],
          claims: [{ role: 'lead', workspace: 'claims' }],
        },
        name: 'SSO',
      },
    });
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ ARBITER_LOCAL_LOGIN: 'no' }, /ARBITER_LOCAL_LOGIN must be true or false \(got "no"\)/],
    [{ ARBITER_LOCAL_LOGIN: 'false' }, /ARBITER_LOCAL_LOGIN=false needs single sign-on/],
    [{ ARBITER_OIDC_CLIENT_ID: 'x' }, /ARBITER_OIDC_CLIENT_ID set without ARBITER_OIDC_ISSUER/],
    [{ ...OIDC, ARBITER_OIDC_ISSUER: 'not a url' }, /ARBITER_OIDC_ISSUER must be set to a URL/],
    [{ ...OIDC, ARBITER_OIDC_CLIENT_ID: '' }, /ARBITER_OIDC_CLIENT_ID must be set/],
    [{ ...OIDC, ARBITER_OIDC_REDIRECT_URL: '' }, /ARBITER_OIDC_REDIRECT_URL must be set to a URL/],
    [{ ...OIDC, ARBITER_OIDC_SCOPES: 'email profile' }, /ARBITER_OIDC_SCOPES must include openid/],
    [{ ...OIDC, ARBITER_OIDC_ROLE_MAP: '' }, /ARBITER_OIDC_ROLE_MAP must be set/],
    [{ ...OIDC, ARBITER_OIDC_ROLE_MAP: '{nope' }, /ARBITER_OIDC_ROLE_MAP is not valid JSON/],
    [{ ...OIDC, ARBITER_OIDC_ROLE_MAP: '["admin"]' }, /must be a JSON object of group → role/],
    [{ ...OIDC, ARBITER_OIDC_ROLE_MAP: '{}' }, /maps no group to a role/],
    [
      { ...OIDC, ARBITER_OIDC_ROLE_MAP: '{"g":"root"}' },
      /group "g" must map to reviewer, lead or admin/,
    ],
    [
      { ...OIDC, ARBITER_OIDC_ROLE_MAP: '{"g":{"role":"lead","workspace":"Bad Key!"}}' },
      /group "g" names a workspace that is not a key/,
    ],
  ])('%j is refused: %s', (env, message) => {
    const { problems } = read(env);
    expect(problems.join('\n')).toMatch(message);
  });
});
