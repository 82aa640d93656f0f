import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@arbiter/config';
import { migrateDatabase } from '@arbiter/persistence';
import { TEST_ADMIN, TEST_API_KEY, testConfig } from '@arbiter/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/api-app.factory';
import { approve, FakeLlmServer, reject } from '../../support/fake-llm.server';
import { ALWAYS_HUMAN, policy } from '../../support/fixtures';
import { HttpClient } from '../../support/http.client';
import { TemporaryPostgres } from '../../support/temporary-postgres';
import { TemporaryRedis } from '../../support/temporary-redis';
import { WebhookReceiver, testWebhookConfig } from '../../support/webhook-receiver.server';
import { ArbiterChild } from '../../support/arbiter-child';
import { CHAOS_BUILD } from './chaos-global-setup';

/** How long traffic runs before and after each fault (ARBITER_CHAOS_SECONDS, the whole scenario). */
export const CHAOS_SECONDS = Number(process.env.ARBITER_CHAOS_SECONDS ?? 16);

/**
 * A scenario's Arbiter on stores of its own: a PostgreSQL and a Redis it may stop, a fake
 * chat-completions provider and a webhook receiver; api replica A in the test process, the
 * worker (and any extra api replica) as child processes it may SIGKILL. Three pipelines:
 * `human` (every item to the `support` queue), `ai` (every item to the AI reviewer, whose
 * approval decides) and `auto` (decided by score at once).
 */
export class ChaosStack {
  pg!: TemporaryPostgres;
  redis!: TemporaryRedis;
  llm!: FakeLlmServer;
  receiver!: WebhookReceiver;
  config!: AppConfig;
  api!: NestFastifyApplication;
  http!: HttpClient;
  worker!: ArbiterChild;
  readonly replicas: ArbiterChild[] = [];
  readonly logDir = mkdtempSync(join(tmpdir(), 'arbiter-chaos-logs-'));
  adminToken!: string;

  static async start(): Promise<ChaosStack> {
    const stack = new ChaosStack();
    const started = Date.now();
    const took: Record<string, number> = {};
    const lap = (step: string) => (took[step] = Date.now() - started);
    stack.pg = await TemporaryPostgres.create();
    lap('postgres');
    const url = stack.pg.url('arbiter_chaos');
    await migrateDatabase(url);
    lap('migrate');
    stack.redis = await TemporaryRedis.create();
    stack.llm = await FakeLlmServer.start();
    stack.llm.script((_req, index) => ({ verdict: index % 4 === 3 ? reject() : approve() }));
    stack.receiver = await WebhookReceiver.start();
    const ai = loadConfig({}).aiReview;
    stack.config = testConfig(url, '{chaos}', {
      redisUrl: stack.redis.url,
      logLevel: 'warn',
      // Retries span a 20 s outage: a delivery that failed because of a fault is delivered after it.
      webhooks: testWebhookConfig({
        retryBaseMs: 200,
        retryMaxDelayMs: 2000,
        retryHorizonMs: 120_000,
      }),
      aiReview: {
        ...ai,
        providers: [
          {
            name: 'llm',
            kind: 'openai-compatible',
            baseUrl: stack.llm.baseUrl,
            model: 'fake-chat',
            region: 'ap-southeast-1',
            pricePer1kInput: 0,
            pricePer1kOutput: 0,
            timeoutMs: 1500,
            requestsPerMinute: 0,
            tokensPerMinute: 0,
            maxOutputTokens: 400,
          },
        ],
        retries: 1,
        retryBaseMs: 50,
        breakerFailures: 5,
        breakerCooldownMs: 2000,
      },
      // Recovery at a scale a test can wait for: leases of 5 s, stuck items re-run after 5 s, a dead
      // worker's jobs after about 8 s (job lock 4 s).
      review: {
        ...loadConfig({}).review,
        leaseMs: 5000,
        leaseWarningMs: 2000,
        maintenanceEveryMs: 1000,
        reconcileEveryMs: 2000,
      },
      worker: {
        stuckAfterMs: 5000,
        recoveryEveryMs: 1000,
        nice: 0,
        scheduleCheckEveryMs: 2000,
        jobLockMs: 4000,
      },
    });
    stack.api = await createApiApp(stack.config);
    await stack.api.listen(0, '127.0.0.1');
    stack.http = new HttpClient(await stack.api.getUrl());
    lap('api');
    stack.worker = await ArbiterChild.start(CHAOS_BUILD, 'worker', stack.config, stack.logDir);
    lap('worker');
    await stack.seed();
    lap('seeded');
    console.log(`chaos stack up (ms since start): ${JSON.stringify(took)}`);
    return stack;
  }

  get db(): DataSource {
    return this.api.get(DataSource);
  }

  get apiKey(): string {
    return TEST_API_KEY;
  }

  private async seed(): Promise<void> {
    const login = await this.http.post<{ accessToken: string }>('/v1/auth/login', TEST_ADMIN);
    this.adminToken = login.body.accessToken;
    const put = async (key: string, body: Record<string, unknown>) => {
      const res = await this.http.put(
        `/v1/pipelines/${key}?activate=true`,
        { pipeline: key, ...body },
        { token: this.adminToken },
      );
      if (res.status !== 200)
        throw new Error(`policy ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    const review = { queue: 'support', priority: 5, sla: '30m', reasonCodes: ['inaccurate'] };
    await put('human', policy({ ...ALWAYS_HUMAN, review }));
    await put(
      'ai',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        aiReview: { providers: ['llm'], approveAt: 0.9 },
        review,
      }),
    );
    await put('auto', policy({ review }));
    const hook = await this.http.put(
      '/v1/webhook',
      { url: this.receiver.url() },
      { token: this.apiKey },
    );
    if (hook.status !== 200)
      throw new Error(`webhook: ${hook.status} ${JSON.stringify(hook.body)}`);
  }

  async restartWorker(): Promise<void> {
    this.worker = await ArbiterChild.start(CHAOS_BUILD, 'worker', this.config, this.logDir);
  }

  async startApiReplica(): Promise<ArbiterChild> {
    const replica = await ArbiterChild.start(CHAOS_BUILD, 'api', this.config, this.logDir);
    this.replicas.push(replica);
    return replica;
  }

  async stop(): Promise<void> {
    const started = Date.now();
    for (const child of [...this.replicas, this.worker]) await child?.stop().catch(() => undefined);
    await this.api?.close().catch(() => undefined);
    await this.llm?.stop().catch(() => undefined);
    await this.receiver?.stop().catch(() => undefined);
    this.redis?.destroy();
    await this.pg?.destroy();
    console.log(`chaos stack down in ${Date.now() - started} ms`);
  }
}
