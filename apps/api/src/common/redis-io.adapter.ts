import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { AppConfig } from '@arbiter/config';
import { createRedisConnection, RedisClient } from '@arbiter/queue';
import { socketIoKey } from '@arbiter/review';
import { createAdapter } from '@socket.io/redis-adapter';
import { Namespace, Server, ServerOptions } from 'socket.io';
import { closeDefaultNamespace, socketIoSecurity } from './socket-origins';

/**
 * socket.io over Redis: any api replica reaches any reviewer, and workers' Redis emitters reach
 * every browser (the same key prefix on both sides). After nestjs/nest sample 02-gateways.
 */
export class RedisIoAdapter extends IoAdapter {
  private pub?: RedisClient;
  private sub?: RedisClient;
  private readonly closed = new WeakSet<Server>();

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    this.pub ??= createRedisConnection(this.config, 'subscriber');
    this.sub ??= this.pub.duplicate();
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    const server: Server = super.createIOServer(port, {
      ...options,
      ...socketIoSecurity(this.config.socketOrigins),
    });
    closeDefaultNamespace(server);
    server.adapter(
      createAdapter(this.pub, this.sub, { key: socketIoKey(this.config.redisPrefix) }),
    );
    return server;
  }

  override async close(serverOrNamespace: Server | Namespace): Promise<void> {
    // Nest hands over each gateway's namespace; the engine and the Redis clients are shared.
    const server = 'engine' in serverOrNamespace ? serverOrNamespace : serverOrNamespace.server;
    if (this.closed.has(server)) return;
    this.closed.add(server);
    // socket.io's close() would also close the shared HTTP server before Fastify does; requests
    // in flight then keep their keep-alive sockets open for Fastify's 72 s keepAliveTimeout and
    // shutdown hangs. Fastify closes the HTTP server itself (answering in-flight requests with
    // Connection: close), so socket.io only closes its own sockets and engine here.
    (server as unknown as { httpServer?: unknown }).httpServer = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.pub?.disconnect();
    this.sub?.disconnect();
  }
}
