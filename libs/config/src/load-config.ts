import { randomBytes } from 'node:crypto';
import { readAiReviewConfig } from './ai-review-config';
import { readDatasetsConfig, readPromptsConfig } from './prompts-config';
import { checkRedisSocketUrl, readRedisClusterNodes } from './redis-config';
import { readSsoConfig } from './sso-config';
import { AlertConfig, AppConfig, WebhookConfig } from './app-config';
import { Env, envInt } from './env-int';

/** Raised at boot when an environment variable is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback?: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  url(name: string, fallback: string, protocols: string[]): string {
    const value = this.string(name, fallback) as string;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL: "${value}"`);
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') {
      this.problems.push(`${name} must be true or false (got "${raw}")`);
      return fallback;
    }
    return raw === 'true';
  }

  int(name: string, fallback: number, min: number, max: number): number {
    return envInt(this.env, name, fallback, min, max, this.problems);
  }
}

function readAlertConfig(read: EnvReader): AlertConfig {
  const optionalUrl = (name: string): string | null =>
    read.string(name) === undefined ? null : read.url(name, '', ['http:', 'https:']);
  const webhookUrl = optionalUrl('ARBITER_ALERT_WEBHOOK_URL');
  const webhookSecret = read.string('ARBITER_ALERT_WEBHOOK_SECRET') ?? null;
  if (webhookUrl && !webhookSecret)
    read.problems.push('ARBITER_ALERT_WEBHOOK_SECRET must be set with ARBITER_ALERT_WEBHOOK_URL');
  if (webhookSecret && !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(webhookSecret)) {
    read.problems.push('ARBITER_ALERT_WEBHOOK_SECRET must be a whsec_<base64> secret');
  }
  return { webhookUrl, webhookSecret, slackUrl: optionalUrl('ARBITER_ALERT_SLACK_URL') };
}

const HOST_PATTERN =
  /^(\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]+|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/;

function readWebhookConfig(read: EnvReader): WebhookConfig {
  const allowHosts = (read.string('ARBITER_WEBHOOK_ALLOW_HOSTS', '') as string)
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const host of allowHosts) {
    if (!HOST_PATTERN.test(host)) {
      read.problems.push(
        `ARBITER_WEBHOOK_ALLOW_HOSTS entry "${host}" is not a host name or IP address`,
      );
    }
  }
  const retryBaseMs = read.int('ARBITER_WEBHOOK_RETRY_BASE_MS', 30_000, 1, 86_400_000);
  const retryMaxDelayMs = read.int(
    'ARBITER_WEBHOOK_RETRY_MAX_DELAY_MS',
    3_600_000,
    1,
    7 * 86_400_000,
  );
  if (retryMaxDelayMs < retryBaseMs) {
    read.problems.push(
      'ARBITER_WEBHOOK_RETRY_MAX_DELAY_MS must not be smaller than ARBITER_WEBHOOK_RETRY_BASE_MS',
    );
  }
  const connectTimeoutMs = read.int('ARBITER_WEBHOOK_CONNECT_TIMEOUT_MS', 5_000, 10, 120_000);
  const timeoutMs = read.int('ARBITER_WEBHOOK_TIMEOUT_MS', 15_000, 10, 300_000);
  if (timeoutMs < connectTimeoutMs) {
    read.problems.push(
      'ARBITER_WEBHOOK_TIMEOUT_MS must not be smaller than ARBITER_WEBHOOK_CONNECT_TIMEOUT_MS',
    );
  }
  return {
    allowHosts,
    retryBaseMs,
    retryMaxDelayMs,
    retryHorizonMs: read.int('ARBITER_WEBHOOK_RETRY_HORIZON_MS', 86_400_000, 1, 30 * 86_400_000),
    connectTimeoutMs,
    timeoutMs,
    maxResponseBytes: read.int('ARBITER_WEBHOOK_MAX_RESPONSE_BYTES', 4096, 0, 1024 * 1024),
    secretOverlapMs: read.int('ARBITER_WEBHOOK_SECRET_OVERLAP_MS', 86_400_000, 0, 30 * 86_400_000),
    deliverConcurrency: read.int('ARBITER_DELIVER_CONCURRENCY', 50, 1, 1000),
  };
}

function readHttpConfig(read: EnvReader): AppConfig['http'] {
  const requestTimeoutMs = read.int('ARBITER_HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 3_600_000);
  const headersTimeoutMs = read.int('ARBITER_HTTP_HEADERS_TIMEOUT_MS', 10_000, 500, 3_600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    read.problems.push(
      'ARBITER_HTTP_HEADERS_TIMEOUT_MS must not be larger than ARBITER_HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: read.int('ARBITER_HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, 1000, 3_600_000),
  };
}

function readTrustProxy(read: EnvReader): boolean | number | string[] {
  const raw = (read.string('ARBITER_TRUST_PROXY', 'true') as string).trim();
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!/^[0-9a-f:.]+(\/\d{1,3})?$/i.test(entry)) {
      read.problems.push(
        `ARBITER_TRUST_PROXY entry "${entry}" is not an IP address or CIDR (or use true, false or a hop count)`,
      );
    }
  }
  return entries;
}

function readOrigins(read: EnvReader): string[] {
  const origins = (read.string('ARBITER_SOCKET_ORIGINS', '') as string)
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let valid = false;
    try {
      const url = new URL(origin);
      valid = ['http:', 'https:'].includes(url.protocol) && url.origin === origin;
    } catch {
      valid = false;
    }
    if (!valid)
      read.problems.push(
        `ARBITER_SOCKET_ORIGINS entry "${origin}" is not an origin like https://desk.example.com`,
      );
  }
  return origins;
}

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.string('NODE_ENV', 'development') as string;
  const jwtSecret = read.string('ARBITER_JWT_SECRET');
  if (nodeEnv === 'production' && (!jwtSecret || jwtSecret.length < 32)) {
    read.problems.push('ARBITER_JWT_SECRET must be set to at least 32 characters in production');
  }
  const adminEmail = read.string('ARBITER_BOOTSTRAP_ADMIN_EMAIL');
  const adminPassword = read.string('ARBITER_BOOTSTRAP_ADMIN_PASSWORD');
  if (adminEmail && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
    read.problems.push(`ARBITER_BOOTSTRAP_ADMIN_EMAIL is not an email address: "${adminEmail}"`);
  }
  if (adminEmail && (!adminPassword || adminPassword.length < 8)) {
    read.problems.push(
      'ARBITER_BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters when an admin email is set',
    );
  }
  const apiKey = read.string('ARBITER_BOOTSTRAP_API_KEY');
  if (apiKey !== undefined && apiKey.length < 16) {
    read.problems.push('ARBITER_BOOTSTRAP_API_KEY must be at least 16 characters');
  }
  const logLevel = read.string('LOG_LEVEL', 'info') as string;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    read.problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }

  const redisUrl = read.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:', 'unix:']);
  checkRedisSocketUrl(redisUrl, read.problems);
  const redisPrefix = read.string('ARBITER_REDIS_PREFIX', '{arbiter}') as string;
  const config: AppConfig = {
    nodeEnv,
    databaseUrl: read.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/arbiter', [
      'postgres:',
      'postgresql:',
    ]),
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200),
    databaseSynchronousCommit: true,
    redisUrl,
    redisClusterNodes: readRedisClusterNodes(env, redisUrl, redisPrefix, read.problems),
    redisPrefix,
    port: read.int('PORT', 3000, 0, 65535),
    host: read.string('HOST', '0.0.0.0') as string,
    logLevel,
    bodyLimitBytes: read.int('ARBITER_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    // Outside production a random secret keeps a dev box working; tokens then die with the process.
    jwtSecret: jwtSecret ?? randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: read.int('ARBITER_ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: read.int(
      'ARBITER_REFRESH_TOKEN_TTL_SECONDS',
      7 * 86400,
      60,
      90 * 86400,
    ),
    loginThrottle: {
      maxFailuresPerAccount: read.int('ARBITER_LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      maxFailuresPerAddress: read.int('ARBITER_LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100_000),
      windowSeconds: read.int('ARBITER_LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
    },
    http: readHttpConfig(read),
    sso: readSsoConfig(env, read.problems),
    authCache: {
      ttlMs: read.int('ARBITER_AUTH_CACHE_TTL_MS', 2000, 0, 600_000),
      apiKeyTtlMs: read.int('ARBITER_API_KEY_CACHE_TTL_MS', 30_000, 0, 600_000),
    },
    socketOrigins: readOrigins(read),
    trustProxy: readTrustProxy(read),
    clientRequestsPerSecond: read.int('ARBITER_CLIENT_REQUESTS_PER_SECOND', 0, 0, 1_000_000),
    bootstrap: { apiKey, adminEmail, adminPassword },
    pipelinesDir: read.string('ARBITER_PIPELINES_DIR'),
    otlpEndpoint:
      read.string('OTEL_EXPORTER_OTLP_ENDPOINT') === undefined
        ? null
        : read.url('OTEL_EXPORTER_OTLP_ENDPOINT', '', ['http:', 'https:']),
    worker: {
      scoreConcurrency: read.int('ARBITER_SCORE_CONCURRENCY', 96, 1, 1000),
      scoreBatchWindowMs: read.int('ARBITER_SCORE_BATCH_WINDOW_MS', 2, 0, 1000),
      scoreBatchMax: read.int('ARBITER_SCORE_BATCH_MAX', 32, 0, 1000),
      stuckAfterMs: read.int('ARBITER_STUCK_AFTER_MS', 60_000, 1000, 86_400_000),
      recoveryEveryMs: read.int('ARBITER_RECOVERY_EVERY_MS', 30_000, 500, 86_400_000),
      metricsPort: read.int('ARBITER_WORKER_METRICS_PORT', 9464, 0, 65535),
      nice: read.int('ARBITER_WORKER_NICE', 10, 0, 19),
      scheduleCheckEveryMs: read.int('ARBITER_SCHEDULE_CHECK_EVERY_MS', 10_000, 100, 3_600_000),
      jobLockMs: read.int('ARBITER_JOB_LOCK_MS', 30_000, 1000, 600_000),
    },
    review: {
      leaseMs: read.int('ARBITER_REVIEW_LEASE_MS', 120_000, 1000, 3_600_000),
      leaseWarningMs: read.int('ARBITER_REVIEW_LEASE_WARNING_MS', 30_000, 0, 3_600_000),
      atRiskMarginMs: read.int('ARBITER_SLA_AT_RISK_MARGIN_MS', 300_000, 0, 86_400_000),
      maintenanceEveryMs: read.int('ARBITER_REVIEW_MAINTENANCE_EVERY_MS', 5000, 200, 3_600_000),
      reconcileEveryMs: read.int('ARBITER_REVIEW_RECONCILE_EVERY_MS', 60_000, 1000, 86_400_000),
    },
    audit: {
      unconfirmedAfterMs: read.int(
        'ARBITER_AUDIT_UNCONFIRMED_AFTER_MS',
        600_000,
        60_000,
        86_400_000,
      ),
      reconcileEveryMs: read.int('ARBITER_AUDIT_RECONCILE_EVERY_MS', 60_000, 1000, 86_400_000),
    },
    stats: {
      rollupEveryMs: read.int('ARBITER_STATS_ROLLUP_EVERY_MS', 10_000, 200, 3_600_000),
      reconcileEveryMs: read.int('ARBITER_STATS_RECONCILE_EVERY_MS', 300_000, 1000, 86_400_000),
      reconcileMinutes: read.int('ARBITER_STATS_RECONCILE_MINUTES', 60, 1, 7 * 24 * 60),
      dashboardEveryMs: read.int('ARBITER_STATS_DASHBOARD_EVERY_MS', 1000, 1000, 60_000),
    },
    maxWaitMs: 10_000,
    intake: {
      batchWindowMs: read.int('ARBITER_INTAKE_BATCH_WINDOW_MS', 2, 0, 1000),
      batchMax: read.int('ARBITER_INTAKE_BATCH_MAX', 100, 0, 1000),
      batchWhenIdle: read.bool('ARBITER_INTAKE_BATCH_WRITE_WHEN_IDLE', true),
    },
    webhooks: readWebhookConfig(read),
    aiReview: readAiReviewConfig(env, read.problems),
    alerts: readAlertConfig(read),
    drift: {
      everyMs: read.int('ARBITER_DRIFT_EVERY_MS', 3_600_000, 200, 86_400_000),
      windowMs: read.int('ARBITER_DRIFT_WINDOW_MS', 3_600_000, 1000, 7 * 86_400_000),
      baselineMs: read.int('ARBITER_DRIFT_BASELINE_MS', 7 * 86_400_000, 1000, 90 * 86_400_000),
      minItems: read.int('ARBITER_DRIFT_MIN_ITEMS', 50, 1, 1_000_000),
    },
    recalibrationCheckEveryMs: read.int('ARBITER_RECALIBRATION_CHECK_MS', 600_000, 200, 86_400_000),
    retention: {
      everyMs: read.int('ARBITER_RETENTION_EVERY_MS', 3_600_000, 200, 7 * 86_400_000),
      batch: read.int('ARBITER_RETENTION_BATCH', 500, 1, 100_000),
    },
    prompts: readPromptsConfig(env, read.problems),
    datasets: readDatasetsConfig(env, read.problems),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
