import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditLog, AuditSnapshots } from '@arbiter/audit';
import { AuthenticatedRequest } from '@arbiter/auth';
import { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AUDITED, AuditedRoute } from './audited.decorator';

type AuditedRequest = FastifyRequest & AuthenticatedRequest;

/** `param` naming the client whose API key made the call (its webhook settings, say). */
export const CALLING_CLIENT = '@client';

/** The workspace the action was taken in; null: a platform admin acting across workspaces. */
function workspaceOf(request: AuditedRequest): string | null {
  if (request.user) return request.user.workspace?.id ?? null;
  return request.client?.workspaceId ?? null;
}

/** A person by their user id and role, or a submitting service by its client id. */
function actorOf(request: AuditedRequest): { id: string | null; role: string | null } {
  if (request.user) return { id: request.user.userId, role: request.user.role };
  if (request.client) return { id: request.client.clientId, role: 'client' };
  return { id: null, role: null };
}

/**
 * Writes the audit entry of every route marked @Audited, once the action has succeeded: a
 * refused or failed call changed nothing and records nothing. The entry is written after the
 * action's own commit; if writing it fails, the caller gets the error (a 5xx), never a silent
 * success without its record.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AuditLog,
    private readonly snapshots: AuditSnapshots,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<AuditedRoute | undefined>(AUDITED, context.getHandler());
    if (!route) return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    return from(
      this.around(route, request, () => lastValueFrom(next.handle(), { defaultValue: undefined })),
    );
  }

  private async around(
    route: AuditedRoute,
    request: AuditedRequest,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const params = (request.params ?? {}) as Record<string, string>;
    // `a+b` names a target by two parameters, read as `<a>/<b>` (a workspace's member).
    const named =
      route.param === CALLING_CLIENT
        ? (request.client?.clientId ?? null)
        : route.param
          ? route.param
              .split('+')
              .map((p) => params[p] ?? '')
              .join('/') || null
          : null;
    const readable = this.snapshots.has(route.kind);
    // A target named badly (not a UUID, say) cannot be read; the route's own validation then
    // answers with the right 4xx, so a failed read only counts if the route went on to succeed.
    const before =
      named && readable && !route.read
        ? await this.snapshots.read(route.kind, named).then(
            (state) => ({ state }),
            (error: unknown) => ({ error }),
          )
        : { state: null };
    const result = await run();
    if ('error' in before) throw before.error;
    const targetId = named ?? createdId(result);
    const after = route.read
      ? null
      : targetId && readable
        ? await this.snapshots.read(route.kind, targetId)
        : result;
    const body = request.body as Record<string, unknown> | string | undefined;
    await this.log.record({
      actor: actorOf(request),
      action: route.action,
      target: { kind: route.kind, id: targetId },
      before: before.state,
      after,
      request: whatWasAsked(request),
      reason: typeof body === 'object' && typeof body?.reason === 'string' ? body.reason : null,
      requestId: String(request.id),
      ip: request.ip ?? null,
      workspaceId: workspaceOf(request),
    });
    return result;
  }
}

/** The id of what a creating route returned. */
function createdId(result: unknown): string | null {
  const id = (result as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

/** The parameters, query and body of the request, those it has. */
function whatWasAsked(request: AuditedRequest): Record<string, unknown> | null {
  const parts = { params: request.params, query: request.query, body: request.body };
  const present = Object.entries(parts).filter(
    ([, value]) =>
      value !== undefined &&
      value !== null &&
      value !== '' &&
      !(typeof value === 'object' && Object.keys(value).length === 0),
  );
  return present.length ? Object.fromEntries(present) : null;
}
