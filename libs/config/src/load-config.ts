import { randomBytes } from 'node:crypto';
import { AppConfig } from './app-config';

/** Raised at boot when an environment variable is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

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

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }
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
    read.problems.push('ARBITER_BOOTSTRAP_ADMIN_PASSWORD must be at least 8 characters when an admin email is set');
  }
  const apiKey = read.string('ARBITER_BOOTSTRAP_API_KEY');
  if (apiKey !== undefined && apiKey.length < 16) {
    read.problems.push('ARBITER_BOOTSTRAP_API_KEY must be at least 16 characters');
  }
  const logLevel = read.string('LOG_LEVEL', 'info') as string;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    read.problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }

  const config: AppConfig = {
    nodeEnv,
    databaseUrl: read.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/arbiter', ['postgres:', 'postgresql:']),
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200),
    redisUrl: read.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: read.string('ARBITER_REDIS_PREFIX', '{arbiter}') as string,
    port: read.int('PORT', 3000, 0, 65535),
    host: read.string('HOST', '0.0.0.0') as string,
    logLevel,
    bodyLimitBytes: read.int('ARBITER_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    // Outside production a random secret keeps a dev box working; tokens then die with the process.
    jwtSecret: jwtSecret ?? randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: read.int('ARBITER_ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: read.int('ARBITER_REFRESH_TOKEN_TTL_SECONDS', 7 * 86400, 60, 90 * 86400),
    bootstrap: { apiKey, adminEmail, adminPassword },
    pipelinesDir: read.string('ARBITER_PIPELINES_DIR'),
    worker: {
      scoreConcurrency: read.int('ARBITER_SCORE_CONCURRENCY', 32, 1, 1000),
      stuckAfterMs: read.int('ARBITER_STUCK_AFTER_MS', 60_000, 1000, 86_400_000),
      recoveryEveryMs: read.int('ARBITER_RECOVERY_EVERY_MS', 30_000, 500, 86_400_000),
      metricsPort: read.int('ARBITER_WORKER_METRICS_PORT', 9464, 0, 65535),
    },
    maxWaitMs: 10_000,
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
