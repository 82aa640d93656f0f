import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { USER_ROLES, UserRole } from '@arbiter/persistence';
import { UserPrincipal } from './principal';

interface TokenClaims {
  sub: string;
  role: UserRole;
  typ: 'access' | 'refresh';
}

/** Issues and checks the access and refresh tokens of users (HS256 JWTs). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string, role: UserRole): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
    const secret = this.config.jwtSecret;
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync({ sub: userId, role, typ: 'access' } satisfies TokenClaims, {
        secret,
        expiresIn: this.config.accessTokenTtlSeconds,
      }),
      this.jwt.signAsync({ sub: userId, role, typ: 'refresh' } satisfies TokenClaims, {
        secret,
        expiresIn: this.config.refreshTokenTtlSeconds,
      }),
    ]);
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** The user behind a token of the given type; 401 when it is expired, forged or of the other type. */
  async verify(token: string, typ: TokenClaims['typ']): Promise<UserPrincipal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.config.jwtSecret, algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException(`Invalid or expired ${typ} token`);
    }
    if (claims.typ !== typ || !USER_ROLES.includes(claims.role)) {
      throw new UnauthorizedException(`Not a${typ === 'access' ? 'n' : ''} ${typ} token`);
    }
    return { kind: 'user', userId: claims.sub, role: claims.role };
  }
}
