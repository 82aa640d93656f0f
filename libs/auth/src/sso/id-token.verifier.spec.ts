import { createLocalJWKSet, exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';
import { AuthErrorCode } from '../auth.errors';
import { IdTokenExpectations, verifyIdToken } from './id-token.verifier';

const ISSUER = 'https://idp.test.local';
const CLIENT = 'arbiter-web';
const NONCE = 'n-0S6_WzA2Mj';

describe('verifyIdToken', () => {
  let key: KeyLike;
  let stranger: KeyLike;
  let expected: IdTokenExpectations;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    stranger = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
    expected = {
      issuer: ISSUER,
      audience: CLIENT,
      nonce: NONCE,
      keys: createLocalJWKSet({ keys: [jwk] }),
    };
  });

  /** An ID token as the provider would sign it, with `changes` to its claims (undefined removes one). */
  async function token(
    changes: Partial<Record<keyof JWTPayload | 'nonce' | 'azp', unknown>> = {},
    signer: KeyLike = key,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: ISSUER,
      sub: 'user-1',
      aud: CLIENT,
      iat: now,
      exp: now + 300,
      nonce: NONCE,
      ...changes,
    };
    for (const [name, value] of Object.entries(claims))
      if (value === undefined) delete claims[name];
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(signer);
  }

  async function refusal(jwt: string): Promise<{ code: string; message: string }> {
    try {
      await verifyIdToken(jwt, expected);
    } catch (error) {
      return error as { code: string; message: string };
    }
    throw new Error('the token was accepted');
  }

  it("accepts a token of the configured issuer, for this client, unexpired, with this login's nonce", async () => {
    const claims = await verifyIdToken(await token({ groups: ['g'] }), expected);
    expect(claims).toMatchObject({ sub: 'user-1', groups: ['g'] });
  });

  it('accepts several audiences when the authorized party is this client', async () => {
    await expect(
      verifyIdToken(await token({ aud: [CLIENT, 'other'], azp: CLIENT }), expected),
    ).resolves.toMatchObject({ sub: 'user-1' });
  });

  it.each<[string, Parameters<typeof token>[0], RegExp]>([
    [
      'an unknown issuer',
      { iss: 'https://evil.example' },
      /issuer "https:\/\/evil.example" is not the configured issuer/,
    ],
    [
      'a wrong audience',
      { aud: 'someone-else' },
      /audience "someone-else" does not include this client "arbiter-web"/,
    ],
    [
      'an expired token',
      { iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 600 },
      /has expired/,
    ],
    ['a wrong nonce', { nonce: 'another-login' }, /nonce is not the one this login sent/],
    ['no nonce', { nonce: undefined }, /nonce is not the one this login sent/],
    ['no subject', { sub: undefined }, /"sub" claim is missing/],
    ['several audiences without azp', { aud: [CLIENT, 'other'] }, /authorized party \(azp\)/],
    [
      'a token from the future',
      { nbf: Math.floor(Date.now() / 1000) + 3600 },
      /nbf is in the future/,
    ],
  ])('refuses %s with a 401 code naming the check', async (_what, changes, message) => {
    const error = await refusal(await token(changes));
    expect(error.code).toBe(AuthErrorCode.SsoTokenInvalid);
    expect(error.message).toMatch(message);
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const error = await refusal(await token({}, stranger));
    expect(error).toMatchObject({ code: AuthErrorCode.SsoTokenInvalid });
    expect(error.message).toMatch(/signature does not verify/);
  });

  it('refuses an unsigned or HS256 token, and garbage', async () => {
    const [header, payload] = (await token()).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect((await refusal(none)).message).toMatch(/asymmetric algorithm|not a signed JWT/);
    const hs = await new SignJWT({ iss: ISSUER, aud: CLIENT, sub: 'x', nonce: NONCE })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('client-secret-shared-with-the-idp'));
    expect((await refusal(hs)).message).toMatch(/asymmetric algorithm/);
    expect((await refusal('not.a.jwt')).code).toBe(AuthErrorCode.SsoTokenInvalid);
    expect(header).toBeTruthy();
  });
});
