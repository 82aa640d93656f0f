import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@arbiter/config';
import {
  AccountRepository,
  ApiKeyPrincipals,
  generateApiKey,
  WorkspaceAccess,
} from '@arbiter/auth';
import { DEFAULT_WORKSPACE_ID } from '@arbiter/persistence';
import { QueueName, QueueProducer } from '@arbiter/queue';
import {
  createTestDatabase,
  deleteKeysWithPrefix,
  dropTestDatabase,
  expectEventually,
  TEST_ADMIN,
  TEST_API_KEY,
  testConfig,
  TestConfigOverrides,
} from '@arbiter/testing';
import { PolicyCatalog } from '@arbiter/workflow';
import { EndpointDirectory } from '@arbiter/delivery';
import { PromptCache } from '@arbiter/prompts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { BootstrapSeed } from '../../apps/api/src/bootstrap/bootstrap-seed.service';
import { createWorkerApp } from '../../apps/worker/src/worker-app.factory';
import { HttpClient } from './http.client';

/** The one table a reset leaves as it is (its trigger refuses TRUNCATE, UPDATE and DELETE). */
const APPEND_ONLY_TABLE = 'audit_entries';

export interface HarnessOptions {
  worker?: boolean;
  config?: TestConfigOverrides;
  /** The api's port (0: any free one); a test that must name its URL up front picks one. */
  port?: number;
}

/**
 * One test file's Arbiter: a database copied from the migrated template, its own Redis prefix,
 * the real api listening on an ephemeral port and (optionally) the real worker, in-process.
 */
export class ArbiterHarness {
  api!: NestFastifyApplication;
  worker?: INestApplicationContext;
  config!: AppConfig;
  http!: HttpClient;
  private dbName!: string;
  private adminToken?: string;

  static async start(options: HarnessOptions = {}): Promise<ArbiterHarness> {
    const harness = new ArbiterHarness();
    const id = randomUUID().replace(/-/g, '').slice(0, 12);
    harness.dbName = `arbiter_t_${id}`;
    const url = await createTestDatabase(harness.dbName);
    harness.config = testConfig(url, `{t-${id}}`, options.config);
    harness.api = await createApiApp(harness.config);
    await harness.api.listen(options.port ?? 0, '127.0.0.1');
    if (options.worker !== false) harness.worker = await createWorkerApp(harness.config);
    harness.http = new HttpClient(await harness.api.getUrl());
    return harness;
  }

  get db(): DataSource {
    return this.api.get(DataSource);
  }

  get producer(): QueueProducer {
    return this.api.get(QueueProducer);
  }

  get bootstrapKey(): string {
    return TEST_API_KEY;
  }

  /**
   * Empties every table and this file's Redis keys, then re-seeds the bootstrap key and admin.
   * Except the audit log: it refuses TRUNCATE by design, so its entries outlive a reset (a test
   * reads the entries written after a point it notes, see `auditEntriesSince`).
   */
  async reset(): Promise<void> {
    if (this.worker) await this.waitForQueuesIdle();
    const tables: { tablename: string }[] = await this.db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', $1)`,
      [APPEND_ONLY_TABLE],
    );
    // Background work (task creation, stats rollups) may hold locks in another order: a
    // deadlock victim here just tries again.
    await expectEventually(
      () => this.db.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`),
      10_000,
      100,
    );
    await deleteKeysWithPrefix(this.producer.connection, this.config.redisPrefix);
    for (const app of [this.api, this.worker]) {
      app?.get(PolicyCatalog).clear();
      app?.get(EndpointDirectory).forgetAll();
      app?.get(PromptCache).clear();
    }
    // The re-seeded bootstrap key gets a new id: the api must not answer with the old one's principal.
    this.api.get(ApiKeyPrincipals).forgetAll();
    this.api.get(WorkspaceAccess).forgetAll();
    await this.api.get(BootstrapSeed).onApplicationBootstrap();
    this.adminToken = undefined;
  }

  /** Now, by the database's clock: pass it to `auditEntriesSince`. */
  async auditMark(): Promise<string> {
    const [row] = await this.db.query(`SELECT clock_timestamp()::text AS mark`);
    return row.mark as string;
  }

  /** The audit entries appended after `mark` (from `auditMark`), oldest first. */
  async auditEntriesSince(mark: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT id, actor_id AS "actorId", actor_role AS "actorRole", action, target_kind AS "targetKind",
              target_id AS "targetId", before, after, request, reason, request_id AS "requestId", ip, status, at
         FROM audit_entries WHERE at > $1::timestamptz ORDER BY at, id`,
      [mark],
    );
  }

  /** Waits until the score queue has nothing waiting or running. */
  async waitForQueuesIdle(timeoutMs = 15_000): Promise<void> {
    await expectEventually(async () => {
      const counts = await this.producer.counts(QueueName.Score);
      const busy =
        (counts.waiting ?? 0) +
        (counts.active ?? 0) +
        (counts.prioritized ?? 0) +
        (counts.delayed ?? 0);
      if (busy > 0) throw new Error(`score queue still busy: ${JSON.stringify(counts)}`);
    }, timeoutMs);
  }

  async adminAccessToken(): Promise<string> {
    if (!this.adminToken) {
      const res = await this.http.post('/v1/auth/login', TEST_ADMIN);
      if (res.status !== 200)
        throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
      this.adminToken = (res.body as { accessToken: string }).accessToken;
    }
    return this.adminToken;
  }

  /** Applies a policy as an admin (JSON document), activating it unless told otherwise. */
  async putPolicy(key: string, policy: Record<string, unknown>, activate = true): Promise<number> {
    const res = await this.http.put(
      `/v1/pipelines/${key}?activate=${activate}`,
      { pipeline: key, ...policy },
      {
        token: await this.adminAccessToken(),
      },
    );
    if (res.status !== 200)
      throw new Error(`policy ${key} refused: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { version: number }).version;
  }

  /** A second submitting service with its own API key (in the default workspace unless told otherwise). */
  async createClient(
    name: string,
    allowedPipelines: string[] | null = null,
    workspaceId: string = DEFAULT_WORKSPACE_ID,
  ): Promise<string> {
    const accounts = this.api.get(AccountRepository);
    const clientId = randomUUID();
    await accounts.createClient({ id: clientId, name, allowedPipelines, workspaceId });
    const key = generateApiKey();
    await accounts.createApiKey({
      id: randomUUID(),
      clientId,
      name,
      keyPrefix: key.prefix,
      keyHash: key.hash,
    });
    return key.key;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await deleteKeysWithPrefix(this.producer.connection, this.config.redisPrefix).catch(
      () => undefined,
    );
    await this.api.close();
    await dropTestDatabase(this.dbName);
  }
}
