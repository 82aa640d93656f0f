import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, AuthError, AuthErrorCode, scopeOf } from '@arbiter/auth';
import { from, Observable, switchMap } from 'rxjs';
import { IN_WORKSPACE, InWorkspaceRoute } from './in-workspace.decorator';
import { WorkspaceTargets } from './workspace-targets.service';

/**
 * Enforces @InWorkspace: before a route runs, the target its parameter names must belong to the
 * caller's workspace. Another workspace's target gets the answer of one that does not exist
 * (no existence leak); a creating route may take a name no workspace uses.
 */
@Injectable()
export class WorkspaceScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly targets: WorkspaceTargets,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<InWorkspaceRoute | undefined>(
      IN_WORKSPACE,
      context.getHandler(),
    );
    if (!route) return next.handle();
    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { params?: Record<string, string> }>();
    return from(this.check(route, request)).pipe(switchMap(() => next.handle()));
  }

  private async check(
    route: InWorkspaceRoute,
    request: AuthenticatedRequest & { params?: Record<string, string> },
  ): Promise<void> {
    const principal = request.user ?? request.client;
    // Guards run first: a route with @InWorkspace and no principal is a wiring mistake.
    if (!principal) throw new Error(`@InWorkspace on a route without a guard (${route.param})`);
    const scope = scopeOf(principal);
    if (scope === null) return;
    const id = request.params?.[route.param];
    if (id === undefined) throw new Error(`@InWorkspace names a missing parameter ${route.param}`);
    const place = await this.targets.place(route.kind, id);
    if (place === null) return;
    const mine = place.kind === 'present' && place.workspaces.includes(scope);
    if (mine) return;
    if (route.mode === 'create') {
      if (place.kind === 'absent') return;
      throw new AuthError(
        AuthErrorCode.NameInOtherWorkspace,
        `The ${route.kind} "${id}" is taken: ${route.kind} names are unique across workspaces, choose another`,
      );
    }
    throw this.targets.notFound(route.kind, id);
  }
}
