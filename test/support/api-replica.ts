import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@arbiter/config';
import { ActiveUsers, ApiKeyPrincipals, WorkspaceAccess } from '@arbiter/auth';
import { QueueProducer } from '@arbiter/queue';
import { deleteKeysWithPrefix, expectEventually, TestConfigOverrides } from '@arbiter/testing';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { HttpClient } from './http.client';

/**
 * Auth caches kept far longer than a test: a replica that refuses a revoked credential was told
 * (an announcement on Redis pub/sub), not timed out.
 */
export const MINUTE_LONG_AUTH_CACHES: TestConfigOverrides = {
  authCache: { ttlMs: 60_000, apiKeyTtlMs: 60_000 },
};

/** Polls `check` until it holds: a few seconds at most, well inside the minute-long caches. */
export const onceAnnounced = (check: () => Promise<void>): Promise<void> =>
  expectEventually(check, 10_000, 100);

/**
 * Another api process on a harness's database and Redis: a second replica behind the same load
 * balancer, or (`deaf`) one on a Redis prefix of its own, which hears none of the others' auth
 * change announcements and so shows what a replica would do without them.
 */
export class ApiReplica {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly http: HttpClient,
    private readonly ownRedisPrefix: string | null,
  ) {}

  static async start(config: AppConfig): Promise<ApiReplica> {
    return ApiReplica.listen(config, null);
  }

  /** A replica deaf to the others' announcements: its Redis prefix is `config`'s plus "-deaf". */
  static async deaf(config: AppConfig): Promise<ApiReplica> {
    const prefix = `${config.redisPrefix}-deaf`;
    return ApiReplica.listen({ ...config, redisPrefix: prefix }, prefix);
  }

  private static async listen(config: AppConfig, ownPrefix: string | null): Promise<ApiReplica> {
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    return new ApiReplica(app, new HttpClient(await app.getUrl()), ownPrefix);
  }

  /** Forgets every cached user, membership and API key (between tests: a reset re-seeds the bootstrap key and admin under new ids). */
  forgetAuthCaches(): void {
    this.app.get(ActiveUsers).forgetAll();
    this.app.get(WorkspaceAccess).forgetAll();
    this.app.get(ApiKeyPrincipals).forgetAll();
  }

  async stop(): Promise<void> {
    // The harness cleans its own prefix; a deaf replica's keys are this replica's to clean.
    if (this.ownRedisPrefix)
      await deleteKeysWithPrefix(this.app.get(QueueProducer).connection, this.ownRedisPrefix);
    await this.app.close();
  }
}
