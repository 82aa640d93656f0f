import { Queue, Worker } from 'bullmq';
import { redisClientFor } from '@arbiter/queue';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { cpuMsOf } from './cpu-accounting';

/** What the machine does without Arbiter, measured in the same run as Arbiter itself. */
export interface RawInsert {
  insertsPerSec: number;
  /** CPU of the pool's Postgres backends per row, in ms (compare with Arbiter's per submission). */
  postgresCpuMsPerRow: number;
}

/** Runs `loops` concurrent async loops of `work` until `ms` have passed; returns completions. */
async function loopFor(ms: number, loops: number, work: () => Promise<void>): Promise<number> {
  const until = Date.now() + ms;
  let done = 0;
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (Date.now() < until) {
        await work();
        done++;
      }
    }),
  );
  return done;
}

/**
 * Single-row INSERTs of a row shaped like a submission (same columns, indexes and CHECKs, no
 * event row, no foreign keys) into a scratch table, from a pool of 10, for `ms`.
 */
export async function rawInsertRate(
  databaseUrl: string,
  body: Record<string, unknown>,
  ms: number,
  loops: number,
): Promise<RawInsert> {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    application_name: 'bench-raw-insert',
  });
  try {
    await pool.query('DROP TABLE IF EXISTS bench_raw_submissions');
    await pool.query('CREATE TABLE bench_raw_submissions (LIKE submissions INCLUDING ALL)');
    const [clientId, pipelineId, versionId] = [randomUUID(), randomUUID(), randomUUID()];
    const json = (v: unknown): string => JSON.stringify(v ?? null);
    // Open all ten connections first, so that their backends' CPU can be read around the run.
    await Promise.all(Array.from({ length: 10 }, () => pool.query('SELECT pg_sleep(0.05)')));
    const backends = (
      await pool.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE application_name = 'bench-raw-insert'",
      )
    ).rows.map((r) => r.pid);
    const cpu = (): number => backends.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
    const cpuBefore = cpu();
    const started = Date.now();
    const rows = await loopFor(ms, loops, async () => {
      await pool.query(
        `INSERT INTO bench_raw_submissions (id, client_id, pipeline_id, policy_version_id, status, external_id,
           idempotency_key, request_hash, input, output, model, prompt_version, metadata, callback_url)
         VALUES ($1, $2, $3, $4, 'received', $5, NULL, $6, $7, $8, $9, NULL, $10, NULL)`,
        [
          randomUUID(),
          clientId,
          pipelineId,
          versionId,
          null,
          'x'.repeat(64),
          json(body.input),
          json(body.output),
          json(body.model),
          json(body.metadata),
        ],
      );
    });
    const rate = rows / ((Date.now() - started) / 1000);
    const postgresCpuMsPerRow = (cpu() - cpuBefore) / rows;
    await pool.query('DROP TABLE bench_raw_submissions');
    return { insertsPerSec: rate, postgresCpuMsPerRow };
  } finally {
    await pool.end();
  }
}

/**
 * BullMQ add (one job at a time, `loops` concurrent producers, for `ms`) while a Worker with
 * concurrency 50 and a no-op processor drains the queue; rate = jobs / time until all processed.
 */
export async function rawBullmqRate(
  redisUrl: string,
  prefix: string,
  ms: number,
  loops: number,
): Promise<number> {
  const producer = redisClientFor(redisUrl, { maxRetriesPerRequest: 1 });
  const consumer = redisClientFor(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('bench-raw', { connection: producer, prefix });
  let processed = 0;
  const worker = new Worker('bench-raw', async () => undefined, {
    connection: consumer,
    prefix,
    concurrency: 50,
  });
  worker.on('completed', () => processed++);
  try {
    await worker.waitUntilReady();
    const started = Date.now();
    const added = await loopFor(ms, loops, async () => {
      await queue.add(
        'noop',
        { submissionId: randomUUID() },
        { jobId: randomUUID(), removeOnComplete: true },
      );
    });
    const deadline = Date.now() + 60_000;
    while (processed < added && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return processed / ((Date.now() - started) / 1000);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}
