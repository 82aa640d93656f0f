import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { scopeOf, TokenService, UserPrincipal, WorkspaceAccess } from '@arbiter/auth';
import { ClaimDto, DecideDto, LeaseDto, REVIEW_SOCKET_COMMANDS } from '@arbiter/contracts';
import { DomainError } from '@arbiter/errors';
import {
  ClaimNextTask,
  DecideTask,
  decisionInputOf,
  HeldTasks,
  ReviewError,
  ReviewErrorCode,
  reviewRooms,
  TaskLease,
  ReviewQueries,
} from '@arbiter/review';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from '../common/database-unavailable';
import { httpStatusOf } from '../common/error-status';
import { handshakeRefusal } from '../common/handshake-refusal';
import { isRedisUnavailable } from '../common/redis-unavailable';
import { Namespace, Socket } from 'socket.io';
import { validatePayload } from './payload.validator';

type Ack =
  | { ok: true; [key: string]: unknown }
  | {
      ok: false;
      error: { status: number; code?: string; message: string; retryAfterSeconds?: number };
    };

interface TaskPayload {
  taskId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reviewers work live here: authenticated on the handshake (auth.token = access token, and
 * auth.workspace = the workspace key to act in, else the person's first), one room per reviewer
 * and per queue of that workspace, every command acknowledged. A bad payload gets an error ack;
 * the connection and the server carry on.
 */
@WebSocketGateway({ namespace: '/review' })
export class ReviewGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(ReviewGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly claimNext: ClaimNextTask,
    private readonly lease: TaskLease,
    private readonly decideTask: DecideTask,
    private readonly queries: ReviewQueries,
    private readonly heldTasks: HeldTasks,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown; workspace?: unknown } | undefined;
      const token = auth?.token;
      if (typeof token !== 'string')
        return next(new Error('unauthorized: send auth.token = your access token'));
      this.tokens.verify(token, 'access').then(
        (identity) =>
          this.workspaces.resolve(identity, auth?.workspace).then(
            (user) => {
              socket.data.user = user;
              socket.data.token = token;
              next();
            },
            (error: Error) => next(new Error(`${handshakeRefusal(error)}: ${error.message}`)),
          ),
        () => next(new Error('unauthorized: invalid or expired access token')),
      );
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const user = socket.data.user as UserPrincipal | undefined;
    if (!user) return void socket.disconnect(true);
    try {
      const queues = await this.queries.visibleQueues(user);
      await socket.join([reviewRooms.reviewer(user.userId), ...queues.map(reviewRooms.queue)]);
    } catch (error) {
      // A store outage (or a shutdown) while joining: the desk reconnects, the server carries on.
      this.logger.warn(`review socket not joined: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }

  @SubscribeMessage(REVIEW_SOCKET_COMMANDS.queues)
  queues(@ConnectedSocket() socket: Socket): Promise<Ack> {
    return this.run(socket, async () => ({
      queues: await this.queries.queuesFor(this.user(socket)),
    }));
  }

  @SubscribeMessage(REVIEW_SOCKET_COMMANDS.held)
  held(@ConnectedSocket() socket: Socket): Promise<Ack> {
    return this.run(socket, async () => ({
      tasks: await this.heldTasks.execute(this.user(socket).userId, scopeOf(this.user(socket))),
    }));
  }

  @SubscribeMessage(REVIEW_SOCKET_COMMANDS.claim)
  claim(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.run(socket, async () => {
      const body = await validatePayload(ClaimDto, payload ?? {});
      const user = this.user(socket);
      return { task: await this.claimNext.execute(user.userId, body.queues, scopeOf(user)) };
    });
  }

  @SubscribeMessage(REVIEW_SOCKET_COMMANDS.heartbeat)
  heartbeat(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.run(socket, async () => {
      const { taskId, body } = await this.taskCommand(LeaseDto, payload);
      return this.lease.heartbeat(this.user(socket).userId, taskId, body.leaseToken);
    });
  }

  @SubscribeMessage(REVIEW_SOCKET_COMMANDS.release)
  release(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.run(socket, async () => {
      const { taskId, body } = await this.taskCommand(LeaseDto, payload);
      await this.lease.release(this.user(socket).userId, taskId, body.leaseToken);
      return { released: true };
    });
  }

  @SubscribeMessage(REVIEW_SOCKET_COMMANDS.decide)
  decide(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    return this.run(socket, async () => {
      const { taskId, body } = await this.taskCommand(DecideDto, payload);
      return this.decideTask.execute(this.user(socket).userId, taskId, decisionInputOf(body));
    });
  }

  private user(socket: Socket): UserPrincipal {
    return socket.data.user as UserPrincipal;
  }

  /** Splits `{taskId, ...rest}` and validates the rest with the command's DTO. */
  private async taskCommand<T extends object>(
    type: new () => T,
    payload: unknown,
  ): Promise<{ taskId: string; body: T }> {
    const { taskId, ...rest } = (payload ?? {}) as Partial<TaskPayload> & Record<string, unknown>;
    if (typeof taskId !== 'string' || !UUID.test(taskId))
      throw new ReviewError(ReviewErrorCode.InvalidPayload, 'taskId must be a UUID');
    return { taskId, body: await validatePayload(type, rest) };
  }

  /**
   * Every command answers with an ack, an error ack for any refusal; never a dropped socket. The
   * handshake's session is checked again first: a reviewer disabled or signed out while
   * connected must not go on claiming and deciding (REST checks it on every request too).
   */
  private async run(socket: Socket, work: () => Promise<Record<string, unknown>>): Promise<Ack> {
    try {
      await this.tokens.checkSession(socket.data.token as string);
      return { ok: true, ...(await work()) };
    } catch (error) {
      if (error instanceof DomainError)
        return {
          ok: false,
          error: { status: httpStatusOf(error), code: error.code, message: error.message },
        };
      // A store outage is the same 503 as over REST: the desk retries, nothing is wrong with the command.
      if (isDatabaseUnavailable(error) || isRedisUnavailable(error)) {
        const message = 'Temporarily unavailable: retry shortly';
        return {
          ok: false,
          error: { status: 503, message, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
        };
      }
      this.logger.error(error);
      return { ok: false, error: { status: 500, message: 'Internal error' } };
    }
  }
}
