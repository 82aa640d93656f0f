import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { AuthError, AuthErrorCode } from './auth.errors';
import { Reflector } from '@nestjs/core';
import { UserRole } from '@arbiter/persistence';
import { AuthenticatedRequest, bearerToken } from './principal';
import { TokenService } from './token.service';

/** Where @Roles keeps a route's roles (read by the guard, and by tests listing routes by role). */
export const ROLES_KEY = 'arbiter:roles';

/** Restricts a route to users holding one of these roles (admins pass every role check). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** Authenticates a user by access token and enforces @Roles. */
@Injectable()
export class UserAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token)
      throw new AuthError(
        AuthErrorCode.MissingCredentials,
        'Missing access token: send "Authorization: Bearer <access token>"',
      );
    const user = await this.tokens.verify(token, 'access');
    const roles =
      this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (roles.length > 0 && user.role !== 'admin' && !roles.includes(user.role)) {
      throw new AuthError(
        AuthErrorCode.RoleRequired,
        `This needs one of the roles: ${roles.join(', ')}`,
      );
    }
    request.user = user;
    return true;
  }
}
