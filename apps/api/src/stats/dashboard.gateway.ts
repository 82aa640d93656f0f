import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { TokenService, UserPrincipal } from '@arbiter/auth';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { DASHBOARD_EVENTS } from '@arbiter/contracts';
import { Namespace, Socket } from 'socket.io';
import type { DashboardSnapshot } from '@arbiter/contracts';
import { DashboardSnapshots } from '@arbiter/stats';

/**
 * The leads' live dashboard: a snapshot on connect, then deltas at most every tick. Each api
 * replica computes for its own clients (local, not through the Redis adapter) from cheap reads,
 * and emits volatile: a slow client misses a delta rather than slowing the server.
 */
@WebSocketGateway({ namespace: '/dashboard' })
export class DashboardGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(DashboardGateway.name);
  private namespace?: Namespace;
  private timer?: NodeJS.Timeout;
  private last: DashboardSnapshot | null = null;
  private ticking = false;

  constructor(
    private readonly tokens: TokenService,
    private readonly snapshots: DashboardSnapshots,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string')
        return next(new Error('unauthorized: send auth.token = your access token'));
      this.tokens.verify(token, 'access').then(
        (user) => {
          if (user.role === 'reviewer')
            return next(new Error('forbidden: the dashboard is for leads and admins'));
          socket.data.user = user;
          next();
        },
        () => next(new Error('unauthorized: invalid or expired access token')),
      );
    });
    this.timer = setInterval(() => void this.tick(), this.config.stats.dashboardEveryMs);
    this.timer.unref();
  }

  async handleConnection(socket: Socket): Promise<void> {
    if (!(socket.data.user as UserPrincipal | undefined)) return void socket.disconnect(true);
    try {
      socket.emit(DASHBOARD_EVENTS.snapshot, await this.snapshots.take());
    } catch (error) {
      this.logger.error(error);
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One computation per tick for every local client; skipped while the last one still runs. */
  private async tick(): Promise<void> {
    const local = this.namespace?.sockets.size ?? 0;
    if (this.ticking || !this.namespace) return;
    if (local === 0) return void (this.last = null);
    this.ticking = true;
    try {
      const now = await this.snapshots.take();
      // No baseline yet (first tick with clients): everything counts as changed.
      const delta = this.last ? this.snapshots.diff(this.last, now) : { ...now, removed: [] };
      this.last = now;
      if (delta) this.namespace.local.volatile.emit(DASHBOARD_EVENTS.delta, delta);
    } catch (error) {
      this.logger.warn(`dashboard tick failed: ${(error as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }
}
