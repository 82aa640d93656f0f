import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { AppConfig } from '@arbiter/config';
import { createRedisConnection } from '@arbiter/queue';
import { socketIoKey } from '@arbiter/review';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server, ServerOptions } from 'socket.io';

/**
 * socket.io over Redis: any api replica reaches any reviewer, and workers' Redis emitters reach
 * every browser (the same key prefix on both sides). After nestjs/nest sample 02-gateways.
 */
export class RedisIoAdapter extends IoAdapter {
  private pub?: Redis;
  private sub?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    this.pub ??= createRedisConnection(this.config.redisUrl, 'subscriber');
    this.sub ??= this.pub.duplicate();
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    const server: Server = super.createIOServer(port, { ...options, cors: { origin: true, credentials: true } });
    server.adapter(createAdapter(this.pub, this.sub, { key: socketIoKey(this.config.redisPrefix) }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    this.pub?.disconnect();
    this.sub?.disconnect();
  }
}
