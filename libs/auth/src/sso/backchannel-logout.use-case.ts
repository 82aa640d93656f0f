import { Injectable, Logger } from '@nestjs/common';
import { OidcConfig } from '@arbiter/config';
import { decodeJwt } from 'jose';
import { AuthInvalidations } from '../auth-invalidations.service';
import { AuthError, AuthErrorCode } from '../auth.errors';
import { SessionRepository } from '../session.repository';
import { LogoutToken, verifyLogoutToken } from './logout-token.verifier';
import { OidcClient } from './oidc-client.service';
import { SsoSessionRepository } from './sso-session.repository';
import { SsoStateStore } from './sso-state.store';

const invalid = (why: string) =>
  new AuthError(AuthErrorCode.SsoLogoutTokenInvalid, `The logout token was refused: ${why}`);

/**
 * Refuses a token of another issuer than the configured provider before any key is fetched for
 * it (the issuer read unverified: the signature check that follows is against this issuer's keys).
 */
function checkIssuer(token: string, settings: OidcConfig): void {
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    throw invalid('it is not a JWT');
  }
  if (iss !== settings.issuer)
    throw invalid(`its issuer "${String(iss)}" is not the configured issuer "${settings.issuer}"`);
}

/**
 * OpenID Connect Back-Channel Logout 1.0: the provider posts a signed logout token when a person
 * signs out there or is disabled there, and the Arbiter sessions it names are revoked at once:
 * by `sid`, the sessions started under that provider session; by `sub` alone, every session of
 * the user that provider account signs in as (password sessions too: the person is out).
 */
@Injectable()
export class BackchannelLogout {
  private readonly logger = new Logger(BackchannelLogout.name);

  constructor(
    private readonly client: OidcClient,
    private readonly store: SsoStateStore,
    private readonly ssoSessions: SsoSessionRepository,
    private readonly sessions: SessionRepository,
    private readonly invalidations: AuthInvalidations,
  ) {}

  /** Checks a logout token and revokes its sessions; how many were revoked. A bad token is a coded refusal. */
  async run(token: string | undefined): Promise<{ revokedSessions: number }> {
    // No single sign-on here: a 404 whatever the body holds.
    const settings = this.client.settings;
    if (!token) throw invalid('the form body has no logout_token');
    checkIssuer(token, settings);
    const verified = await verifyLogoutToken(token, {
      issuer: settings.issuer,
      audience: settings.clientId,
      keys: await this.client.keys(),
    });
    const { issuer, jti, refusedAfter } = verified;
    if (!(await this.store.firstUseOfLogoutToken(issuer, jti, refusedAfter)))
      throw invalid(`its jti "${jti}" was already used (a replay)`);
    try {
      // Marked first: a sign-in finishing meanwhile reads it once its tokens exist.
      await this.store.markProviderLogout(issuer, verified, verified.issuedAt);
      return await this.revoke(verified);
    } catch (error) {
      // Nothing or not all was revoked: the provider's retry of this very token must get through.
      await this.store.forgetLogoutToken(issuer, jti);
      throw error;
    }
  }

  private async revoke(token: LogoutToken): Promise<{ revokedSessions: number }> {
    let revoked = 0;
    let userIds: string[] = [];
    if (token.sid) {
      const found = await this.ssoSessions.ofProviderSession(token.issuer, token.sid, token.sub);
      await this.sessions.revokeFamilies(found.map((f) => f.familyId));
      revoked = found.length;
      userIds = [...new Set(found.map((f) => f.userId))];
    } else {
      const userId = await this.ssoSessions.userOf(token.issuer, token.sub as string);
      if (userId) {
        revoked = await this.sessions.revokeAllOf(userId);
        userIds = [userId];
      }
    }
    // Every replica at once (within the auth cache TTL should Redis lose the announcement).
    await Promise.all(userIds.map((id) => this.invalidations.publish({ kind: 'user', id })));
    const by = token.sid ? `sid ${token.sid}` : `sub ${token.sub}`;
    this.logger.log(`Back-channel logout from ${token.issuer} (${by}): ${revoked} session(s)`);
    return { revokedSessions: revoked };
  }
}
