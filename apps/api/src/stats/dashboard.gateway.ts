import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { scopeOf, TokenService, UserPrincipal, WorkspaceAccess } from '@arbiter/auth';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { DASHBOARD_EVENTS } from '@arbiter/contracts';
import { Namespace, Socket } from 'socket.io';
import type { DashboardSnapshot } from '@arbiter/contracts';
import { DashboardSnapshots } from '@arbiter/stats';
import { handshakeRefusal } from '../common/handshake-refusal';

/** The room of a workspace's dashboards; `*` for platform admins watching every workspace. */
const roomOf = (scope: string | null) => `workspace:${scope ?? '*'}`;

/**
 * The leads' live dashboard: a snapshot on connect, then deltas at most every tick, of the
 * workspace the lead acts in (handshake `auth.workspace`, else their first). Each api replica
 * computes for its own clients (local, not through the Redis adapter) from cheap reads, once per
 * workspace watched, and emits volatile: a slow client misses a delta rather than slowing the
 * server.
 */
@WebSocketGateway({ namespace: '/dashboard' })
export class DashboardGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(DashboardGateway.name);
  private namespace?: Namespace;
  private timer?: NodeJS.Timeout;
  /** The last snapshot sent to each workspace's room. */
  private readonly last = new Map<string, DashboardSnapshot>();
  private ticking = false;

  constructor(
    private readonly tokens: TokenService,
    private readonly workspaces: WorkspaceAccess,
    private readonly snapshots: DashboardSnapshots,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown; workspace?: unknown } | undefined;
      const token = auth?.token;
      if (typeof token !== 'string')
        return next(new Error('unauthorized: send auth.token = your access token'));
      this.tokens.verify(token, 'access').then(
        (identity) =>
          this.workspaces.resolve(identity, auth?.workspace).then(
            (user) => {
              if (user.role === 'reviewer')
                return next(new Error('forbidden: the dashboard is for leads and admins'));
              socket.data.user = user;
              socket.data.scope = scopeOf(user);
              next();
            },
            (error: Error) => next(new Error(`${handshakeRefusal(error)}: ${error.message}`)),
          ),
        () => next(new Error('unauthorized: invalid or expired access token')),
      );
    });
    this.timer = setInterval(() => void this.tick(), this.config.stats.dashboardEveryMs);
    this.timer.unref();
  }

  async handleConnection(socket: Socket): Promise<void> {
    if (!(socket.data.user as UserPrincipal | undefined)) return void socket.disconnect(true);
    const scope = socket.data.scope as string | null;
    await socket.join(roomOf(scope));
    try {
      socket.emit(DASHBOARD_EVENTS.snapshot, await this.snapshots.take(new Date(), scope));
    } catch (error) {
      this.logger.error(error);
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One computation per tick and watched workspace for every local client; skipped while the last one still runs. */
  private async tick(): Promise<void> {
    if (this.ticking || !this.namespace) return;
    const scopes = new Map<string, string | null>();
    for (const socket of this.namespace.sockets.values()) {
      const scope = socket.data.scope as string | null | undefined;
      if (scope !== undefined) scopes.set(roomOf(scope), scope);
    }
    // A workspace nobody watches any more starts afresh when someone does again.
    for (const room of this.last.keys()) if (!scopes.has(room)) this.last.delete(room);
    if (scopes.size === 0) return;
    this.ticking = true;
    try {
      for (const [room, scope] of scopes) {
        const now = await this.snapshots.take(new Date(), scope);
        const last = this.last.get(room);
        // No baseline yet (first tick with clients): everything counts as changed.
        const delta = last ? this.snapshots.diff(last, now) : { ...now, removed: [] };
        this.last.set(room, now);
        if (delta) this.namespace.local.to(room).volatile.emit(DASHBOARD_EVENTS.delta, delta);
      }
    } catch (error) {
      this.logger.warn(`dashboard tick failed: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }
}
