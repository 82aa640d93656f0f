import type { AiReviewConfig } from './ai-review-config';
import type { DatasetsConfig, PromptsConfig } from './prompts-config';
import type { RedisNode } from './redis-config';
import type { SsoConfig } from './sso-config';

/** Typed configuration, read once from the environment at boot (see loadConfig). */
export interface AppConfig {
  nodeEnv: string;
  databaseUrl: string;
  /** Size of the Postgres connection pool per process. */
  databasePoolSize: number;
  /**
   * Whether this process's commits wait for the WAL flush. The api always does (a 202 means
   * durable); the worker does not (see createWorkerApp): everything it writes is re-derived
   * idempotently from the durable intake record if the last instant of commits is lost.
   */
  databaseSynchronousCommit: boolean;
  /** The Redis; with a cluster, only its user, password and TLS apply to every node. */
  redisUrl: string;
  /**
   * Seed nodes of a Redis Cluster (ARBITER_REDIS_CLUSTER); empty = the one Redis at redisUrl.
   * Every Redis user (queues, workers, socket.io, throttles, pub/sub) then talks to the cluster.
   */
  redisClusterNodes: RedisNode[];
  /**
   * Prefix of every Redis key Arbiter writes. Its hash tag (`{arbiter}`) holds Arbiter's own keys
   * and channels in one Redis Cluster slot (their scripts touch several keys); each BullMQ queue
   * gets a tag of its own inside it (`{arbiter:score}`, see queuePrefix) so queues spread.
   */
  redisPrefix: string;
  port: number;
  host: string;
  /**
   * OTLP/HTTP endpoint traces are exported to (OTEL_EXPORTER_OTLP_ENDPOINT, e.g.
   * `http://collector:4318`; spans go to its `/v1/traces`); null = tracing off, at no cost.
   */
  otlpEndpoint: string | null;
  logLevel: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Failed logins allowed per account and per client address in a window (held in Redis, across replicas). */
  loginThrottle: {
    maxFailuresPerAccount: number;
    maxFailuresPerAddress: number;
    windowSeconds: number;
  };
  /** Single sign-on (OpenID Connect) and whether email-and-password logins are allowed. */
  sso: SsoConfig;
  /**
   * How long an api replica trusts what it read about a user, their session, their workspace
   * memberships or an API key. Every change is announced on Redis pub/sub and forgotten by every
   * replica at once; these bound staleness only when an announcement is missed (Redis down).
   */
  authCache: {
    /** Users (enabled, role, session signed out) and workspace memberships. */
    ttlMs: number;
    /** API keys (revoked or not). */
    apiKeyTtlMs: number;
  };
  /** HTTP server timeouts: a slow or stalled client cannot hold a connection open for ever. */
  http: {
    /** Whole request (headers and body) must arrive within this. */
    requestTimeoutMs: number;
    /** Headers must arrive within this. */
    headersTimeoutMs: number;
    /** An idle keep-alive connection is closed after this (keep it above a load balancer's idle timeout). */
    keepAliveTimeoutMs: number;
  };
  /**
   * Which proxies' X-Forwarded-For the api believes (Fastify trustProxy): true = any (the client
   * address is then whatever the caller claims), false = none, a hop count, or addresses/CIDRs.
   * The per-address login throttle keys on the address this yields.
   */
  trustProxy: boolean | number | string[];
  /** Requests per second per API key for clients without their own rate (0 = no limit). */
  clientRequestsPerSecond: number;
  /** Browser origins allowed to open socket.io connections (with credentials); empty = same origin only. */
  socketOrigins: string[];
  bootstrap: {
    apiKey?: string;
    adminEmail?: string;
    adminPassword?: string;
  };
  pipelinesDir?: string;
  worker: {
    scoreConcurrency: number;
    /**
     * Score jobs whose reads and writes are grouped: jobs running at once load their submissions
     * in one read and apply their routes in one transaction, within this many ms; 0 = off.
     */
    scoreBatchWindowMs: number;
    /** The most score jobs in one such group; 0 = off. */
    scoreBatchMax: number;
    /** A submission left in received/scoring longer than this is re-enqueued by recovery. */
    stuckAfterMs: number;
    recoveryEveryMs: number;
    /** Port of the worker's own /metrics (0 = any free port). */
    metricsPort: number;
    /**
     * OS scheduling niceness the worker process gives itself (0 = same as the api). Its work
     * waits in queues anyway; on a host it shares with the api, the api's requests go first.
     */
    nice: number;
    /** How often each worker checks the maintenance schedules still exist in Redis. */
    scheduleCheckEveryMs: number;
    /**
     * A running job's lock, renewed at half this while the worker lives. A worker that dies
     * (kill -9, OOM) leaves its jobs locked: they run again within about twice this.
     */
    jobLockMs: number;
  };
  review: {
    /** How long a claim is held without a heartbeat. */
    leaseMs: number;
    /** Holders are warned this long before their lease lapses. */
    leaseWarningMs: number;
    /** A task due within this margin is at risk (and aged one priority level). */
    atRiskMarginMs: number;
    /** Lease recovery, lease warnings, SLA aging and expiry run this often. */
    maintenanceEveryMs: number;
    /** Postgres → Redis reconciliation of review queues runs this often. */
    reconcileEveryMs: number;
  };
  /** The audit log's reconciler (see libs/audit). */
  audit: {
    /**
     * An audited call announced longer ago than this and still not finished is taken for dead and
     * recorded as `unconfirmed`; it must be longer than any audited call takes.
     */
    unconfirmedAfterMs: number;
    /** How often each api replica looks for such calls (and once at start). */
    reconcileEveryMs: number;
  };
  /** Lead stats: rollup and reconciliation cadence, live dashboard tick (see libs/stats). */
  stats: {
    /** Submission events and review decisions are rolled up into per-minute figures this often. */
    rollupEveryMs: number;
    /** Backlog counters are recounted and recent rollups re-derived from the source rows this often. */
    reconcileEveryMs: number;
    /** How many recent minutes a reconciliation re-derives (rounded out to whole hours). */
    reconcileMinutes: number;
    /** The /dashboard feed sends deltas at most this often (at least 1 s). */
    dashboardEveryMs: number;
  };
  /** Longest ?wait= a client may ask for, in ms. */
  maxWaitMs: number;
  /**
   * Group commit at intake: submissions arriving within `batchWindowMs` of the first waiting one
   * (at most `batchMax` of them) are inserted by one statement and enqueued by one Redis round
   * trip. Either set to 0 turns it off (one statement per submission). With `batchWhenIdle`, a
   * submission arriving while no insert is under way is inserted at once (no window to wait out
   * when traffic is light); those arriving during an insert go together when it ends.
   */
  intake: { batchWindowMs: number; batchMax: number; batchWhenIdle: boolean };
  /** Outcome delivery: webhook retries, SSRF allow-list, HTTP limits. */
  webhooks: WebhookConfig;
  /** Secondary AI review: providers, budget, breaker, retries (see libs/ai-review). */
  aiReview: AiReviewConfig;
  /** Where the self-checking loop's alerts go (breaker open, drift, model change); none by default. */
  alerts: AlertConfig;
  /** Drift and model-change detection: how often, over which windows. */
  drift: DriftConfig;
  /** How often the worker looks for pipelines whose scheduled recalibration is due. */
  recalibrationCheckEveryMs: number;
  /** The retention sweep (policy `retention.raw`): how often, and how many submissions per pipeline per run. */
  retention: { everyMs: number; batch: number };
  /** The prompt registry: its folder, rollback watch and resolve cache. */
  prompts: PromptsConfig;
  /** Datasets and regression runs: collection, schedules, concurrency. */
  datasets: DatasetsConfig;
}

/** Each pipeline's recent traffic compared with its baseline (see docs/self-checking.md). */
export interface DriftConfig {
  everyMs: number;
  /** The current window: the last `windowMs`. */
  windowMs: number;
  /** The baseline: the `baselineMs` before the current window. */
  baselineMs: number;
  /** Items needed in each window (and per model version) before anything is judged. */
  minItems: number;
}

/** Alert targets: a JSON webhook signed like outcome webhooks, and a Slack incoming webhook. */
export interface AlertConfig {
  webhookUrl: string | null;
  /** whsec_ secret the JSON webhook is signed with; required with webhookUrl. */
  webhookSecret: string | null;
  slackUrl: string | null;
}

/** How outcome webhooks are sent (see libs/delivery). */
export interface WebhookConfig {
  /** Host names (or IP literals) exempt from the private-address refusal; lower-cased. */
  allowHosts: string[];
  /** First retry delay; doubled per attempt, with jitter. */
  retryBaseMs: number;
  /** Longest single wait between two attempts. */
  retryMaxDelayMs: number;
  /** After this long since the first attempt, a failing delivery is dead-lettered. */
  retryHorizonMs: number;
  connectTimeoutMs: number;
  /** Whole request, connect to last byte read. */
  timeoutMs: number;
  /** Bytes of a receiver's response body read (for the attempt log); the rest is discarded. */
  maxResponseBytes: number;
  /** How long a rotated-out secret still signs, next to the new one. */
  secretOverlapMs: number;
  deliverConcurrency: number;
}
