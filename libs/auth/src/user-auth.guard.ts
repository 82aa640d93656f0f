import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { AuthError, AuthErrorCode } from './auth.errors';
import { Reflector } from '@nestjs/core';
import { UserRole } from '@arbiter/persistence';
import { AuthenticatedRequest, bearerToken } from './principal';
import { TokenService } from './token.service';
import { WorkspaceAccess } from './workspace-access.service';
import { WORKSPACE_HEADER } from './workspace-scope';

/** Where @Roles keeps a route's roles (read by the guard, and by tests listing routes by role). */
export const ROLES_KEY = 'arbiter:roles';

/** Restricts a route to users holding one of these roles (admins pass every role check). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

/** Where @WithoutWorkspace marks a route. */
export const WITHOUT_WORKSPACE_KEY = 'arbiter:without-workspace';

/**
 * A route that acts in no workspace (a person's own list of workspaces, the platform's
 * workspaces): the request's workspace is not resolved, and @Roles checks the platform role
 * (users.role; `admin` is a platform admin).
 */
export const WithoutWorkspace = () => SetMetadata(WITHOUT_WORKSPACE_KEY, true);

/** Where @WorkspaceFromParam keeps its parameter's name. */
export const WORKSPACE_PARAM_KEY = 'arbiter:workspace-param';

/**
 * A route about one workspace, named by a path parameter (`/v1/workspaces/:key/…`): the request
 * acts in that workspace whatever the header says, so @Roles checks the role held there.
 */
export const WorkspaceFromParam = (param: string) => SetMetadata(WORKSPACE_PARAM_KEY, param);

/**
 * Authenticates a user by access token, places the request in its workspace (header
 * `X-Arbiter-Workspace`, else the person's first; see WorkspaceAccess) and enforces @Roles
 * against the role held there.
 */
@Injectable()
export class UserAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly reflector: Reflector,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token)
      throw new AuthError(
        AuthErrorCode.MissingCredentials,
        'Missing access token: send "Authorization: Bearer <access token>"',
      );
    const identity = await this.tokens.verify(token, 'access');
    const targets = [context.getHandler(), context.getClass()];
    const param = this.reflector.getAllAndOverride<string | undefined>(
      WORKSPACE_PARAM_KEY,
      targets,
    );
    const requested = param
      ? (request as { params?: Record<string, string> }).params?.[param]
      : request.headers[WORKSPACE_HEADER];
    const user = this.reflector.getAllAndOverride<boolean | undefined>(
      WITHOUT_WORKSPACE_KEY,
      targets,
    )
      ? identity
      : await this.workspaces.resolve(identity, requested);
    const roles =
      this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets) ?? [];
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
