import { Inject, Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode } from './auth.errors';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { USER_ROLES, UserRole } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';
import { ActiveUsers } from './active-users.service';
import { AuthInvalidations } from './auth-invalidations.service';
import { UserPrincipal } from './principal';
import { SessionRepository } from './session.repository';

interface TokenClaims {
  sub: string;
  role: UserRole;
  typ: 'access' | 'refresh';
  /** The session family: one per login, kept across refreshes. */
  fam: string;
  /** The refresh token's row (refresh tokens only). */
  jti?: string;
  exp?: number;
}

interface VerifiedClaims extends TokenClaims {
  principal: UserPrincipal;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Issues and checks the access and refresh tokens of users (HS256 JWTs). An access token is
 * honoured only while its user exists, is enabled, still holds the role it names and its session
 * is not signed out; a refresh token works once, and a second use revokes its whole session.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionRepository,
    private readonly users: ActiveUsers,
    private readonly invalidations: AuthInvalidations,
  ) {}

  /** A new token pair; a new session family unless one is continued (a refresh). */
  async issue(
    userId: string,
    role: UserRole,
    familyId: string = randomUUID(),
  ): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
    const secret = this.config.jwtSecret;
    const jti = randomUUID();
    await this.sessions.issue({
      id: jti,
      familyId,
      userId,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(
        { sub: userId, role, typ: 'access', fam: familyId } satisfies TokenClaims,
        {
          secret,
          expiresIn: this.config.accessTokenTtlSeconds,
        },
      ),
      this.jwt.signAsync(
        { sub: userId, role, typ: 'refresh', fam: familyId, jti } satisfies TokenClaims,
        {
          secret,
          expiresIn: this.config.refreshTokenTtlSeconds,
        },
      ),
    ]);
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** The user behind an access token; 401 when it is expired, forged, of the other type, or its user or session no longer stands. */
  async verify(token: string, typ: 'access'): Promise<UserPrincipal> {
    const claims = await this.claims(token, typ);
    const refusal = await this.users.refusal(claims.sub, claims.fam, claims.role);
    if (refusal) throw new AuthError(AuthErrorCode.InvalidToken, refusal);
    return claims.principal;
  }

  /**
   * For a connection authenticated once, at its start (a socket): 401 once the session of its
   * access token no longer stands (user disabled or gone, signed out, role changed). The token's
   * own expiry is not checked again: the connection may outlive the token, not its session.
   */
  async checkSession(token: string): Promise<void> {
    const claims = await this.claims(token, 'access', true);
    const refusal = await this.users.refusal(claims.sub, claims.fam, claims.role);
    if (refusal) throw new AuthError(AuthErrorCode.InvalidToken, refusal);
  }

  /** Trades a refresh token for a new pair in the same session; a replayed one revokes the session. */
  async rotate(
    refreshToken: string,
    currentRole: (userId: string) => Promise<UserRole | null>,
  ): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
    const claims = await this.claims(refreshToken, 'refresh');
    const use = await this.sessions.use(claims.jti as string);
    if (use.kind === 'replayed') {
      await this.sessions.revokeFamily(use.familyId);
      await this.invalidations.publish({ kind: 'user', id: claims.sub });
      throw new AuthError(
        AuthErrorCode.InvalidToken,
        'This refresh token was already used: the session is signed out',
      );
    }
    if (use.kind === 'unknown')
      throw new AuthError(AuthErrorCode.InvalidToken, 'Invalid or expired refresh token');
    const role = await currentRole(use.userId);
    if (!role) throw new AuthError(AuthErrorCode.InvalidToken, 'User is disabled or gone');
    return this.issue(use.userId, role, use.familyId);
  }

  /** Signs out the session of a refresh token (its family: every refresh and access token of it). */
  async logout(refreshToken: string): Promise<void> {
    const claims = await this.claims(refreshToken, 'refresh');
    await this.sessions.revokeFamily(claims.fam);
    await this.invalidations.publish({ kind: 'user', id: claims.sub });
  }

  private async claims(
    token: string,
    typ: TokenClaims['typ'],
    ignoreExpiration = false,
  ): Promise<VerifiedClaims> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        secret: this.config.jwtSecret,
        algorithms: ['HS256'],
        ignoreExpiration,
      });
    } catch {
      throw new AuthError(AuthErrorCode.InvalidToken, `Invalid or expired ${typ} token`);
    }
    // A token without an expiry, a user id or a session is not one of ours (forged with a leaked secret or from an old release).
    const wellFormed =
      typeof claims.exp === 'number' &&
      typeof claims.sub === 'string' &&
      UUID.test(claims.sub) &&
      typeof claims.fam === 'string' &&
      UUID.test(claims.fam) &&
      (typ === 'access' || (typeof claims.jti === 'string' && UUID.test(claims.jti)));
    if (!wellFormed) throw new AuthError(AuthErrorCode.InvalidToken, `Invalid ${typ} token`);
    if (claims.typ !== typ || !USER_ROLES.includes(claims.role)) {
      throw new AuthError(
        AuthErrorCode.InvalidToken,
        `Not a${typ === 'access' ? 'n' : ''} ${typ} token`,
      );
    }
    // The token says who; the workspace of a request (and the role in it) is resolved per request
    // by WorkspaceAccess. Until then the principal is of no workspace: scoped reads refuse it.
    const principal: UserPrincipal = {
      kind: 'user',
      userId: claims.sub,
      role: claims.role,
      platformAdmin: claims.role === 'admin',
      workspace: null,
    };
    return { ...claims, principal };
  }
}
