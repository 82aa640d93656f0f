import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditLog, AuditSnapshots } from '@arbiter/audit';
import { AuthenticatedRequest } from '@arbiter/auth';
import { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { isRefusal } from '../common/error-status';
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
 * Records every route marked @Audited, write-ahead: before the route runs, its entry is announced
 * (actor, action, target, state before, request) in a transaction of its own; once the route has
 * answered, the announcement becomes the entry. If announcing fails, the route does not run (the
 * caller gets the error): an action is never taken without a record in the database first.
 *
 * - Success: the entry is appended `done`, with the target's state after.
 * - Refused (4xx): the announcement is withdrawn; a refused call changed nothing, records nothing.
 * - Failed (5xx): appended `failed`, with the state after; a route may fail after its commit.
 * - Anything stopping that (the process dies, the entry cannot be written, the state after cannot
 *   be read): the announcement stays, and ReconcileAuditIntents appends it `unconfirmed` later
 *   with the state read then. The caller of a call whose entry could not be finished gets the
 *   error (a 5xx), never a silent success.
 *
 * Why not one transaction for the action and its entry: the slices' use cases own their
 * transactions (several of them, queue jobs after commit), and the interceptor sees only the
 * request; threading an ambient transaction through every repository would be a rewrite, and a
 * partial one would leave the gap open where it was missed.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

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
    const body = request.body as Record<string, unknown> | string | undefined;
    const id = await this.log.announce({
      actor: actorOf(request),
      action: route.action,
      target: { kind: route.kind, id: named },
      before: 'state' in before ? before.state : null,
      request: whatWasAsked(request),
      reason: typeof body === 'object' && typeof body?.reason === 'string' ? body.reason : null,
      requestId: String(request.id),
      ip: request.ip ?? null,
      workspaceId: workspaceOf(request),
    });
    let result: unknown;
    try {
      result = await run();
    } catch (error) {
      await this.settleFailure(id, route, named, readable, error);
      throw error;
    }
    // The route succeeded but its state before is unknown: left to the reconciler, which
    // records the call as unconfirmed rather than with a state before it never had.
    if ('error' in before) throw before.error;
    const targetId = named ?? createdId(result);
    const after = route.read
      ? null
      : targetId && readable
        ? await this.snapshots.read(route.kind, targetId)
        : result;
    if (!(await this.log.settle(id, { status: 'done', after, targetId })))
      // Slower than ARBITER_AUDIT_UNCONFIRMED_AFTER_MS: already recorded unconfirmed.
      this.logger.warn(`audited ${route.action} ${id} succeeded after it was recorded unconfirmed`);
    return result;
  }

  /**
   * A refused call is forgotten; a failed one is recorded with the state after, since it may have
   * failed after its commit. When even that cannot be done, the intent stays for the reconciler.
   */
  private async settleFailure(
    id: string,
    route: AuditedRoute,
    named: string | null,
    readable: boolean,
    error: unknown,
  ): Promise<void> {
    try {
      if (isRefusal(error)) return await this.log.withdraw(id);
      const after =
        named && readable && !route.read ? await this.snapshots.read(route.kind, named) : null;
      await this.log.settle(id, { status: 'failed', after });
    } catch {
      // The caller gets the route's own error; the reconciler finishes this entry.
    }
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
