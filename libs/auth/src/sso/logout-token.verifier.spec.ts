import { createLocalJWKSet, exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { AuthErrorCode } from '../auth.errors';
import {
  BACKCHANNEL_LOGOUT_EVENT,
  LOGOUT_TOKEN_MAX_AGE_SECONDS,
  LogoutTokenExpectations,
  verifyLogoutToken,
} from './logout-token.verifier';

const ISSUER = 'https://idp.test.local';
const CLIENT = 'arbiter-web';

describe('verifyLogoutToken', () => {
  let key: KeyLike;
  let stranger: KeyLike;
  let expected: LogoutTokenExpectations;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    stranger = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
    expected = { issuer: ISSUER, audience: CLIENT, keys: createLocalJWKSet({ keys: [jwk] }) };
  });

  /** A logout token as the provider would sign it, with `changes` to its claims (undefined removes one). */
  async function token(changes: Record<string, unknown> = {}, signer = key): Promise<string> {
    const claims: Record<string, unknown> = {
      iss: ISSUER,
      aud: CLIENT,
      iat: now(),
      exp: now() + 120,
      jti: 'jti-1',
      sub: 'user-1',
      sid: 'sid-1',
      events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
      ...changes,
    };
    for (const [name, value] of Object.entries(claims))
      if (value === undefined) delete claims[name];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'logout+jwt' })
      .sign(signer);
  }

  async function refusal(jwt: string): Promise<string> {
    try {
      await verifyLogoutToken(jwt, expected);
    } catch (error) {
      expect((error as { code: string }).code).toBe(AuthErrorCode.SsoLogoutTokenInvalid);
      return (error as Error).message;
    }
    throw new Error('the token was accepted');
  }

  it('accepts a token naming a session, a subject or both, and says until when it could be replayed', async () => {
    const iat = now();
    expect(await verifyLogoutToken(await token({ iat, exp: iat + 120 }), expected)).toEqual({
      issuer: ISSUER,
      jti: 'jti-1',
      sub: 'user-1',
      sid: 'sid-1',
      issuedAt: iat,
      refusedAfter: iat + 120 + 30,
    });
    const bySid = await verifyLogoutToken(await token({ sub: undefined }), expected);
    expect([bySid.sub, bySid.sid]).toEqual([null, 'sid-1']);
    // No exp: refused once too old, so remembered that long.
    const noExp = await verifyLogoutToken(
      await token({ sid: undefined, iat, exp: undefined, aud: ['other', CLIENT] }),
      expected,
    );
    expect([noExp.sub, noExp.sid, noExp.refusedAfter]).toEqual([
      'user-1',
      null,
      iat + LOGOUT_TOKEN_MAX_AGE_SECONDS + 30,
    ]);
  });

  it.each([
    ['another issuer', { iss: 'https://evil.test' }, /issuer "https:\/\/evil.test"/],
    ['another audience', { aud: 'someone-else' }, /audience "someone-else" does not include/],
    ['no iat', { iat: undefined }, /iat is missing/],
    ['an old iat', { iat: now() - LOGOUT_TOKEN_MAX_AGE_SECONDS - 60 }, /older than/],
    ['an iat in the future', { iat: now() + 600 }, /in the future/],
    ['an expired token', { exp: now() - 120 }, /expired/],
    ['no events', { events: undefined }, /events claim/],
    ['events without the logout member', { events: { other: {} } }, /events claim/],
    ['the logout event as a string', { events: { [BACKCHANNEL_LOGOUT_EVENT]: 'x' } }, /events/],
    ['a nonce', { nonce: 'n' }, /nonce/],
    ['no jti', { jti: undefined }, /jti/],
    ['neither sub nor sid', { sub: undefined, sid: undefined }, /neither a subject/],
    ['an empty sid and no sub', { sub: undefined, sid: '' }, /neither a subject/],
  ])('refuses %s', async (_name, changes, why) => {
    expect(await refusal(await token(changes))).toMatch(why);
  });

  it("answers the provider's keys out of reach as the provider unavailable, not as a bad token", async () => {
    const jwt = await token();
    const unreachable = {
      ...expected,
      keys: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.1:443');
      },
    };
    await expect(verifyLogoutToken(jwt, unreachable)).rejects.toMatchObject({
      code: AuthErrorCode.SsoProviderUnavailable,
    });
  });

  it('refuses a token signed with a key the provider does not publish, an unsigned one and garbage', async () => {
    expect(await refusal(await token({}, stranger))).toMatch(/signature does not verify/);
    const [header, payload] = (await token()).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(await refusal(`${none}.${payload}.`)).toMatch(/asymmetric/);
    expect(await refusal(`${header}.${payload}`)).toMatch(/not a signed JWT|could not be checked/);
    expect(await refusal('not-a-jwt')).toMatch(/refused/);
  });
});
