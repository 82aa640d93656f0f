import { errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthError, AuthErrorCode } from '../auth.errors';

/** What an ID token must say to be believed (OpenID Connect Core 3.1.3.7). */
export interface IdTokenExpectations {
  issuer: string;
  /** Our client id: the token's audience must include it. */
  audience: string;
  /** The nonce this login sent with its authorization request. */
  nonce: string;
  /** The provider's signing keys (its JWKS). */
  keys: JWTVerifyGetKey;
  /** Clock skew allowed on exp, iat and nbf, in seconds. */
  clockToleranceSeconds?: number;
}

// Asymmetric signatures only: an HS256 token would be signed with our client secret, which a
// confidential client shares with the provider, and `none` is never accepted.
export const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

const invalid = (why: string) =>
  new AuthError(AuthErrorCode.SsoTokenInvalid, `The provider's ID token was refused: ${why}`);

/** The ID token's claims once its signature, issuer, audience, expiry and nonce hold; else a 401 naming the check. */
export async function verifyIdToken(
  token: string,
  expected: IdTokenExpectations,
): Promise<JWTPayload & { sub: string }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, expected.keys, {
      issuer: expected.issuer,
      audience: expected.audience,
      algorithms: ALGORITHMS,
      clockTolerance: expected.clockToleranceSeconds ?? 30,
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat'],
    }));
  } catch (error) {
    throw invalid(reasonOf(error, expected));
  }
  // A token with several audiences names the one it was issued to (Core 3.1.3.7, steps 4-5).
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.audience)
    throw invalid(`its authorized party (azp) is not this client "${expected.audience}"`);
  if (payload.nonce !== expected.nonce)
    throw invalid('its nonce is not the one this login sent (a replayed or foreign token)');
  if (typeof payload.sub !== 'string' || payload.sub === '') throw invalid('it names no subject');
  return payload as JWTPayload & { sub: string };
}

/** Why jose refused a provider's JWT, in words an operator can act on. */
export function reasonOf(
  error: unknown,
  expected: Pick<IdTokenExpectations, 'issuer' | 'audience'>,
): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    const payload = error.payload;
    if (error.claim === 'iss')
      return `its issuer "${String(payload.iss)}" is not the configured issuer "${expected.issuer}"`;
    if (error.claim === 'aud')
      return `its audience ${JSON.stringify(payload.aud)} does not include this client "${expected.audience}"`;
    if (error.claim === 'nbf' || error.claim === 'iat')
      return `its ${error.claim} is in the future`;
    return `its "${error.claim}" claim is missing or invalid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'it is not signed with an asymmetric algorithm';
  if (error instanceof errors.JWKSNoMatchingKey)
    return "it is not signed by any of the provider's keys";
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'its signature does not verify';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError)
    return `it could not be checked (${(error as Error).message})`;
  return 'it is not a signed JWT';
}
