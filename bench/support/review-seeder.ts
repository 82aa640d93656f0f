import { queuePrefix } from '@arbiter/queue';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** A reviewer of the bench: its id, queues and a fresh access token. */
export interface BenchReviewer {
  id: string;
  email: string;
  queues: string[];
  token: string;
}

const PASSWORD = 'bench-reviewer-pass';
const SLA_MS = 4 * 3600_000;
// Seeded tasks were created 3 ms apart from an hour before the bench started: due times spread
// over the next hours, in insertion order within a queue (as the app writes them).
const STEP_MS = 3;
const SQL_CHUNK = 50_000;
const BULK_CHUNK = 2_000;

/** HTTP JSON call against the api; throws on a non-2xx answer. */
export async function api<T>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** A v4-shaped uuid derived from a seed; the same formula as uuidSql, so ids need no read-back. */
export function seededUuid(salt: string, kind: string, seq: number): string {
  const h = createHash('md5').update(`${salt}${kind}${seq}`).digest('hex');
  const v = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
}
const uuidSql = (kind: string) =>
  `overlay(overlay(md5($1 || '${kind}' || seq) placing '4' from 13) placing '8' from 17)::uuid`;

/** Priority 1..9, spread evenly and independently of the queue (seq % 10). */
export const priorityOf = (seq: number): number => 1 + ((seq * 2654435761) % 9);
const PRIORITY_SQL = `(1 + ((seq * 2654435761) % 9))::int`;

/**
 * Seeds what the app would have built: pipelines and reviewers through the API, then pending
 * review tasks straight into Postgres (submissions in human_review + review_tasks rows) and their
 * BullMQ jobs with the same id, data and options as ReviewDispatch.add.
 */
export class ReviewSeeder {
  readonly queueNames: string[];
  private readonly queues = new Map<string, Queue>();
  private readonly salt = `bench-${process.pid}-`;
  private readonly t0 = Date.now() - 3600_000;
  private nextSeq = 0;
  private ids?: { client: string; pipelines: string[]; versions: string[] };

  constructor(
    private readonly baseUrl: string,
    private readonly db: Client,
    private readonly redis: IORedis,
    private readonly prefix: string,
    queueCount: number,
  ) {
    this.queueNames = Array.from({ length: queueCount }, (_, i) => `q${i}`);
  }

  /** PUT /v1/pipelines/bench-q<i> (everything to people, queue q<i>); reads back the ids tasks need. */
  async pipelines(adminToken: string): Promise<void> {
    for (const [i, queue] of this.queueNames.entries()) {
      const key = `bench-${queue}`;
      await api(
        this.baseUrl,
        'PUT',
        `/v1/pipelines/${key}?activate=true`,
        {
          pipeline: key,
          signals: { grounding: { weight: 1 } },
          validators: [],
          thresholds: { autoApprove: 1, aiReview: 1 },
          review: { queue, priority: 1 + (i % 9), sla: '4h', consensus: 1 },
        },
        adminToken,
      );
    }
    const { rows: clients } = await this.db.query<{ id: string }>(
      `SELECT id FROM clients ORDER BY created_at LIMIT 1`,
    );
    const { rows } = await this.db.query<{ key: string; pipeline: string; version: string }>(
      `SELECT p.key, p.id AS pipeline, v.id AS version FROM pipelines p
         JOIN policy_versions v ON v.pipeline_id = p.id AND v.version = p.active_version`,
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const pick = (q: string) => byKey.get(`bench-${q}`) ?? raise(`pipeline bench-${q} not found`);
    this.ids = {
      client: clients[0]?.id ?? raise('bootstrap client not found'),
      pipelines: this.queueNames.map((q) => pick(q).pipeline),
      versions: this.queueNames.map((q) => pick(q).version),
    };
    await this.db.query(
      `INSERT INTO review_queues (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [this.queueNames],
    );
  }

  /** Creates `count` reviewers through POST /v1/users, each in 3 to 10 queues. */
  async reviewers(adminToken: string, count: number): Promise<Omit<BenchReviewer, 'token'>[]> {
    const made: Omit<BenchReviewer, 'token'>[] = [];
    for (let i = 0; i < count; i++) {
      const n = Math.min(this.queueNames.length, 3 + (i % 8));
      const queues = Array.from(
        { length: n },
        (_, k) => this.queueNames[(i + k) % this.queueNames.length],
      );
      const email = `reviewer${i}@bench.local`;
      const user = await api<{ id: string }>(
        this.baseUrl,
        'POST',
        '/v1/users',
        { email, password: PASSWORD, role: 'reviewer', queues },
        adminToken,
      );
      made.push({ id: user.id, email, queues });
    }
    return made;
  }

  /** Logs every reviewer in (fresh access tokens), a few at a time (the password hash is slow). */
  async login(reviewers: Omit<BenchReviewer, 'token'>[]): Promise<BenchReviewer[]> {
    const out: BenchReviewer[] = [];
    for (let i = 0; i < reviewers.length; i += 5) {
      const batch = reviewers.slice(i, i + 5);
      const tokens = await Promise.all(
        batch.map((r) =>
          api<{ accessToken: string }>(this.baseUrl, 'POST', '/v1/auth/login', {
            email: r.email,
            password: PASSWORD,
          }),
        ),
      );
      batch.forEach((r, k) => out.push({ ...r, token: tokens[k].accessToken }));
    }
    return out;
  }

  /** Adds `count` pending tasks: Postgres first (the record), then Redis (dispatch). Returns the ms each took. */
  async tasks(count: number): Promise<{ postgresMs: number; redisMs: number }> {
    const from = this.nextSeq;
    const to = from + count;
    this.nextSeq = to;
    const t0 = Date.now();
    for (let a = from; a < to; a += SQL_CHUNK)
      await this.insertRows(a, Math.min(to, a + SQL_CHUNK));
    const t1 = Date.now();
    const inFlight = new Set<Promise<void>>();
    for (let a = from; a < to; a += BULK_CHUNK * this.queueNames.length) {
      const b = Math.min(to, a + BULK_CHUNK * this.queueNames.length);
      for (const queue of this.queueNames) {
        const p = this.addJobs(queue, a, b).finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (inFlight.size >= 8) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    return { postgresMs: t1 - t0, redisMs: Date.now() - t1 };
  }

  private async insertRows(from: number, to: number): Promise<void> {
    const { client, pipelines, versions } = this.ids ?? raise('pipelines() first');
    // $1 salt, $2 time origin (epoch ms), $3..$4 the seq range; the first statement adds $5..$7.
    const at = (offsetMs: number) =>
      `(to_timestamp(0) + ($2::bigint + seq * ${STEP_MS} + ${offsetMs}) * interval '1 millisecond')`;
    const series = `FROM generate_series($3::bigint, $4::bigint - 1) AS seq`;
    const params = [this.salt, this.t0, from, to];
    const n = this.queueNames.length;
    await this.db.query('BEGIN');
    try {
      await this.db.query(
        `INSERT INTO submissions (id, client_id, pipeline_id, policy_version_id, status, request_hash, input, output, model,
                                  metadata, confidence, decision, created_at, updated_at)
         SELECT ${uuidSql('s')}, $5::uuid, ($6::uuid[])[(seq % ${n}) + 1], ($7::uuid[])[(seq % ${n}) + 1], 'human_review',
                md5($1 || 'r' || seq),
                jsonb_build_object('prompt', 'Where is my refund for order ' || seq || '?',
                  'context', jsonb_build_array(jsonb_build_object('id', 'kb-12', 'text', 'Refunds are issued within 14 days of the return being received.'))),
                jsonb_build_object('text', 'Your refund for order ' || seq || ' was issued and arrives within 14 days.'),
                '{"provider": "openai", "name": "gpt-4o-mini"}'::jsonb,
                jsonb_build_object('channel', 'chat', 'order', seq), 0.42,
                '{"route": "human_review", "reasons": [{"code": "confidence.low", "message": "confidence below aiReview"}]}'::jsonb,
                ${at(0)}, ${at(0)}
         ${series}`,
        [...params, client, pipelines, versions],
      );
      await this.db.query(
        `INSERT INTO review_tasks (id, submission_id, queue, kind, status, priority, consensus, due_at, created_at, updated_at)
         SELECT ${uuidSql('t')}, ${uuidSql('s')}, 'q' || (seq % ${n}), 'review', 'pending', ${PRIORITY_SQL}, 1,
                ${at(SLA_MS)}, ${at(0)}, ${at(0)}
         ${series}`,
        params,
      );
      await this.db.query('COMMIT');
    } catch (error) {
      await this.db.query('ROLLBACK');
      throw error;
    }
  }

  private async addJobs(queue: string, from: number, to: number): Promise<void> {
    const q = Number(queue.slice(1));
    const n = this.queueNames.length;
    const jobs = [];
    for (let seq = from + ((q - (from % n) + n) % n); seq < to; seq += n) {
      const taskId = seededUuid(this.salt, 't', seq);
      const priority = priorityOf(seq);
      const createdAt = this.t0 + seq * STEP_MS;
      // Exactly ReviewDispatch.add: name, data (same key order) and options.
      jobs.push({
        name: 'review',
        data: {
          taskId,
          priority,
          consensus: 1,
          dueAt: new Date(createdAt + SLA_MS).toISOString(),
          createdAt: new Date(createdAt).toISOString(),
        },
        opts: { jobId: taskId, priority, attempts: 1, removeOnComplete: true, removeOnFail: true },
      });
    }
    if (jobs.length) await this.queue(queue).addBulk(jobs);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // The app's producer defaults (libs/queue DEFAULT_JOB_OPTIONS) under the explicit options above.
      queue = new Queue(`review.${name}`, {
        connection: this.redis,
        prefix: queuePrefix(this.prefix, `review.${name}`),
        defaultJobOptions: { backoff: { type: 'exponential', delay: 1000 } },
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}

function raise(message: string): never {
  throw new Error(message);
}
