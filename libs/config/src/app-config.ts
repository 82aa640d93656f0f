/** Typed configuration, read once from the environment at boot (see loadConfig). */
export interface AppConfig {
  nodeEnv: string;
  databaseUrl: string;
  /** Size of the Postgres connection pool per process. */
  databasePoolSize: number;
  redisUrl: string;
  /** Prefix of every Redis key Arbiter writes (BullMQ queues, channels); a hash tag keeps a Redis Cluster slot. */
  redisPrefix: string;
  port: number;
  host: string;
  logLevel: string;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  bootstrap: {
    apiKey?: string;
    adminEmail?: string;
    adminPassword?: string;
  };
  pipelinesDir?: string;
  worker: {
    scoreConcurrency: number;
    /** A submission left in received/scoring longer than this is re-enqueued by recovery. */
    stuckAfterMs: number;
    recoveryEveryMs: number;
    /** Port of the worker's own /metrics (0 = any free port). */
    metricsPort: number;
  };
  /** Longest ?wait= a client may ask for, in ms. */
  maxWaitMs: number;
}
