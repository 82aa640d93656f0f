import { Logger } from '@nestjs/common';
import { AppConfig } from '@arbiter/config';
import {
  createRedisConnection,
  jobKey,
  MaintenanceJob,
  queuePrefix,
  QueueName,
  RedisClient,
} from '@arbiter/queue';
import { deleteKeysWithPrefix, expectEventually, testConfig } from '@arbiter/testing';
import { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { PROCESSED_QUEUES, QueueHandler } from '../../apps/worker/src/common/queue-handler';
import { QueueWorkers } from '../../apps/worker/src/common/queue-workers.service';

// A job's Redis hash can vanish under a running worker (Redis flushed, or restarted empty).
// BullMQ then fails to finish it ("Missing key"), later finds it stalled and hands it out again
// with a stub hash: no name, no data. Such a job is skipped with one line, not logged as errors.
describe('QueueWorkers: jobs whose Redis hash vanished', () => {
  let config: AppConfig;
  let redis: RedisClient;
  let queue: Queue;
  let workers: QueueWorkers | undefined;
  const logs: { level: string; message: unknown }[] = [];
  const processed: string[] = [];
  let release: () => void = () => undefined;

  beforeAll(() => {
    for (const level of ['log', 'warn', 'error', 'debug'] as const)
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logs.push({ level, message: args[0] });
      });
  });
  beforeEach(async () => {
    logs.length = 0;
    processed.length = 0;
    // A short lock, so that BullMQ's stalled check finds the job within the test.
    config = testConfig('postgres://unused', `vanished-${randomUUID()}`, {
      worker: { jobLockMs: 500 },
    });
    redis = createRedisConnection(config, 'worker');
    queue = new Queue(QueueName.Maintenance, {
      connection: redis,
      prefix: queuePrefix(config.redisPrefix, QueueName.Maintenance),
    });
  });
  afterEach(async () => {
    release();
    await workers?.onModuleDestroy();
    await queue.close();
    await deleteKeysWithPrefix(redis, config.redisPrefix);
    redis.disconnect();
  });

  /** The worker's real QueueWorkers, with a maintenance handler that runs until released. */
  const startWorkers = () => {
    const maintenance: QueueHandler = {
      queue: QueueName.Maintenance,
      concurrency: () => 1,
      process: (job: Job) => {
        processed.push(String(job.name));
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const idle = (q: QueueHandler['queue']): QueueHandler => ({
      queue: q,
      concurrency: () => 1,
      process: async () => undefined,
    });
    workers = new QueueWorkers(config, [
      maintenance,
      ...PROCESSED_QUEUES.filter((q) => q !== QueueName.Maintenance).map(idle),
    ]);
    workers.onModuleInit();
  };

  const loud = () => logs.filter((l) => l.level === 'error' || l.level === 'warn');
  const skipped = () =>
    logs.filter(
      (l) => (l.message as { msg?: string })?.msg === 'job skipped: its Redis hash vanished',
    );

  it('a job whose hash is deleted while it runs ends with one info line per step and no error', async () => {
    startWorkers();
    await queue.add(MaintenanceJob.ReviewSla, {}, { jobId: 'held' });
    await expectEventually(async () => expect(processed).toEqual([MaintenanceJob.ReviewSla]));
    await redis.del(jobKey(config.redisPrefix, QueueName.Maintenance, 'held'));
    release();

    // BullMQ puts the job back once its lock has lapsed; it comes back without name or data.
    await expectEventually(async () => expect(skipped()).toHaveLength(1), 10_000);
    expect(skipped()[0]).toMatchObject({ level: 'log', message: { jobId: 'held' } });
    expect(processed).toEqual([MaintenanceJob.ReviewSla]);
    expect(loud()).toEqual([]);
    expect(
      logs.filter((l) => String((l.message as { msg?: string })?.msg).includes('could not finish')),
    ).toHaveLength(1);
  });

  it('a waiting job whose hash is gone is skipped, not run nor failed', async () => {
    await queue.add(MaintenanceJob.ReviewSla, {}, { jobId: 'gone' });
    await redis.del(jobKey(config.redisPrefix, QueueName.Maintenance, 'gone'));
    startWorkers();

    await expectEventually(async () => expect(skipped()).toHaveLength(1));
    expect(processed).toEqual([]);
    expect(loud()).toEqual([]);
  });
});
