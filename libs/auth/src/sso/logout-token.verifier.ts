import { errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthError, AuthErrorCode } from '../auth.errors';
import { ALGORITHMS, reasonOf } from './id-token.verifier';

/** The member of `events` that makes a JWT a logout token (Back-Channel Logout 1.0, 2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * How old a logout token may be (its `iat`): the provider sends it at the moment of the logout,
 * so an old one is a replay or a stuck queue. It also bounds how long a `jti` must be remembered.
 */
export const LOGOUT_TOKEN_MAX_AGE_SECONDS = 600;
const CLOCK_TOLERANCE_SECONDS = 30;

/** What a logout token must say to be believed. */
export interface LogoutTokenExpectations {
  issuer: string;
  /** Our client id: the token's audience must include it. */
  audience: string;
  /** The provider's signing keys: the same JWKS as its ID tokens. */
  keys: JWTVerifyGetKey;
}

/** A verified logout token: the provider session (`sid`) and/or the subject it ends. */
export interface LogoutToken {
  issuer: string;
  jti: string;
  sub: string | null;
  sid: string | null;
  /** When the provider issued it (its `iat`), in seconds since the epoch. */
  issuedAt: number;
  /** Seconds since the epoch after which this token is refused anyway (expired or too old). */
  refusedAfter: number;
}

const invalid = (why: string) =>
  new AuthError(AuthErrorCode.SsoLogoutTokenInvalid, `The logout token was refused: ${why}`);

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/**
 * The claims of a logout token once its signature, issuer, audience, age, `events`, `jti` and
 * subject or session hold (Back-Channel Logout 1.0, 2.6); else a coded refusal naming the check.
 * Whether its `jti` was seen before is the caller's to check.
 */
export async function verifyLogoutToken(
  token: string,
  expected: LogoutTokenExpectations,
): Promise<LogoutToken> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, expected.keys, {
      issuer: expected.issuer,
      audience: expected.audience,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
      requiredClaims: ['iss', 'aud', 'iat', 'jti'],
    }));
  } catch (error) {
    // The provider's keys out of reach is no verdict on the token: not a 400, which tells the
    // provider to give up, but a 502 it may retry.
    if (
      error instanceof errors.JWKSTimeout ||
      error instanceof errors.JWKSInvalid ||
      !(error instanceof errors.JOSEError)
    )
      throw new AuthError(
        AuthErrorCode.SsoProviderUnavailable,
        `The provider's signing keys could not be fetched (${(error as Error).message}); try again later`,
      );
    const claim = (error as { claim?: unknown }).claim;
    if (error instanceof errors.JOSEError && claim === 'iat')
      throw invalid(
        `its iat is missing, in the future or older than ${LOGOUT_TOKEN_MAX_AGE_SECONDS} s`,
      );
    throw invalid(reasonOf(error, expected));
  }
  const events = payload.events;
  if (
    typeof events !== 'object' ||
    events === null ||
    typeof (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT] !== 'object'
  )
    throw invalid(`its events claim has no "${BACKCHANNEL_LOGOUT_EVENT}" member`);
  // An ID token carries a nonce, a logout token must not: one can never pass for the other.
  if ('nonce' in payload) throw invalid('it carries a nonce, which a logout token must not');
  const jti = text(payload.jti);
  if (!jti) throw invalid('it has no jti');
  const sub = text(payload.sub);
  const sid = text(payload.sid);
  if (!sub && !sid) throw invalid('it names neither a subject (sub) nor a session (sid)');
  const tooOld = (payload.iat as number) + LOGOUT_TOKEN_MAX_AGE_SECONDS;
  return {
    issuer: expected.issuer,
    jti,
    sub,
    sid,
    issuedAt: payload.iat as number,
    refusedAfter:
      Math.min(tooOld, typeof payload.exp === 'number' ? payload.exp : tooOld) +
      CLOCK_TOLERANCE_SECONDS,
  };
}
