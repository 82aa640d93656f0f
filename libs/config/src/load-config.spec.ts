import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('has working defaults for a dev machine', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/arbiter');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.bodyLimitBytes).toBe(1024 * 1024);
    expect(config.worker.nice).toBe(10);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ PORT: 'eighty' }, /PORT must be an integer from 0 to 65535 \(got "eighty"\)/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL must use postgres: or postgresql:/],
    [{ REDIS_URL: 'http://localhost' }, /REDIS_URL must use redis: or rediss:/],
    [{ ARBITER_BOOTSTRAP_API_KEY: 'short' }, /ARBITER_BOOTSTRAP_API_KEY must be at least 16/],
    [
      { ARBITER_BOOTSTRAP_ADMIN_EMAIL: 'admin@x.io' },
      /ARBITER_BOOTSTRAP_ADMIN_PASSWORD must be at least 8/,
    ],
    [
      { ARBITER_BOOTSTRAP_ADMIN_EMAIL: 'nobody', ARBITER_BOOTSTRAP_ADMIN_PASSWORD: 'long-enough' },
      /not an email/,
    ],
    [{ NODE_ENV: 'production' }, /ARBITER_JWT_SECRET must be set/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ ARBITER_BODY_LIMIT_BYTES: '-1' }, /ARBITER_BODY_LIMIT_BYTES must be an integer/],
    [
      { ARBITER_WEBHOOK_ALLOW_HOSTS: 'ok.example, bad host!' },
      /ARBITER_WEBHOOK_ALLOW_HOSTS entry "bad host!"/,
    ],
    [
      { ARBITER_WEBHOOK_RETRY_HORIZON_MS: 'a day' },
      /ARBITER_WEBHOOK_RETRY_HORIZON_MS must be an integer/,
    ],
    [
      { ARBITER_WEBHOOK_TIMEOUT_MS: '100', ARBITER_WEBHOOK_CONNECT_TIMEOUT_MS: '200' },
      /ARBITER_WEBHOOK_TIMEOUT_MS must not be smaller/,
    ],
    [{ ARBITER_WORKER_NICE: '20' }, /ARBITER_WORKER_NICE must be an integer from 0 to 19/],
    [
      { ARBITER_WEBHOOK_MAX_RESPONSE_BYTES: '-5' },
      /ARBITER_WEBHOOK_MAX_RESPONSE_BYTES must be an integer/,
    ],
    [
      { ARBITER_LOGIN_MAX_FAILURES_PER_ACCOUNT: '0' },
      /ARBITER_LOGIN_MAX_FAILURES_PER_ACCOUNT must be an integer from 1/,
    ],
    [
      { ARBITER_HTTP_HEADERS_TIMEOUT_MS: '20000', ARBITER_HTTP_REQUEST_TIMEOUT_MS: '10000' },
      /ARBITER_HTTP_HEADERS_TIMEOUT_MS must not be larger/,
    ],
    [
      { ARBITER_SOCKET_ORIGINS: 'https://ok.example,https://bad.example/path' },
      /ARBITER_SOCKET_ORIGINS entry "https:\/\/bad.example\/path"/,
    ],
    [{ ARBITER_TRUST_PROXY: 'yes please' }, /ARBITER_TRUST_PROXY entry "yes please"/],
    [
      { ARBITER_CLIENT_REQUESTS_PER_SECOND: '-1' },
      /ARBITER_CLIENT_REQUESTS_PER_SECOND must be an integer/,
    ],
    [
      { ARBITER_ALERT_WEBHOOK_URL: 'https://alerts.example/hook' },
      /ARBITER_ALERT_WEBHOOK_SECRET must be set/,
    ],
    [
      {
        ARBITER_ALERT_WEBHOOK_URL: 'ftp://alerts.example',
        ARBITER_ALERT_WEBHOOK_SECRET: 'whsec_c2VjcmV0',
      },
      /ARBITER_ALERT_WEBHOOK_URL must use http/,
    ],
    [{ ARBITER_ALERT_SLACK_URL: 'not a url' }, /ARBITER_ALERT_SLACK_URL is not a valid URL/],
    [{ ARBITER_ALERT_WEBHOOK_SECRET: 'plain' }, /ARBITER_ALERT_WEBHOOK_SECRET must be a whsec_/],
    [{ ARBITER_DRIFT_EVERY_MS: '10' }, /ARBITER_DRIFT_EVERY_MS must be an integer from 200/],
    [{ ARBITER_DRIFT_WINDOW_MS: 'an hour' }, /ARBITER_DRIFT_WINDOW_MS must be an integer/],
    [{ ARBITER_DRIFT_BASELINE_MS: '0' }, /ARBITER_DRIFT_BASELINE_MS must be an integer/],
    [{ ARBITER_DRIFT_MIN_ITEMS: '0' }, /ARBITER_DRIFT_MIN_ITEMS must be an integer from 1/],
    [{ ARBITER_RETENTION_EVERY_MS: 'hourly' }, /ARBITER_RETENTION_EVERY_MS must be an integer/],
    [{ ARBITER_RETENTION_BATCH: '0' }, /ARBITER_RETENTION_BATCH must be an integer from 1/],
    [{ ARBITER_INTAKE_BATCH_WINDOW_MS: '-1' }, /ARBITER_INTAKE_BATCH_WINDOW_MS must be an integer/],
    [{ ARBITER_INTAKE_BATCH_MAX: '5000' }, /ARBITER_INTAKE_BATCH_MAX must be an integer from 0 to/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the OTLP endpoint: tracing off without it, an http(s) URL with it', () => {
    expect(loadConfig({}).otlpEndpoint).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).otlpEndpoint).toBe(
      'http://collector:4318',
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must use http: or https:/,
    );
  });

  it('reads the drift windows: hourly against the previous 7 days by default', () => {
    expect(loadConfig({}).drift).toEqual({
      everyMs: 3_600_000,
      windowMs: 3_600_000,
      baselineMs: 604_800_000,
      minItems: 50,
    });
    expect(
      loadConfig({ ARBITER_DRIFT_WINDOW_MS: '60000', ARBITER_DRIFT_MIN_ITEMS: '20' }).drift,
    ).toMatchObject({ windowMs: 60_000, minItems: 20 });
  });

  it('reads the auth caches: users and memberships 2 s, API keys 30 s by default; 0 turns one off', () => {
    expect(loadConfig({}).authCache).toEqual({ ttlMs: 2000, apiKeyTtlMs: 30_000 });
    expect(
      loadConfig({ ARBITER_AUTH_CACHE_TTL_MS: '60000', ARBITER_API_KEY_CACHE_TTL_MS: '0' })
        .authCache,
    ).toEqual({ ttlMs: 60_000, apiKeyTtlMs: 0 });
    expect(() => loadConfig({ ARBITER_AUTH_CACHE_TTL_MS: '2s' })).toThrow(
      /ARBITER_AUTH_CACHE_TTL_MS must be an integer from 0 to 600000 \(got "2s"\)/,
    );
    expect(() => loadConfig({ ARBITER_API_KEY_CACHE_TTL_MS: '-1' })).toThrow(
      /ARBITER_API_KEY_CACHE_TTL_MS must be an integer/,
    );
  });

  it('reads the retention sweep: hourly, 500 submissions per pipeline per run by default', () => {
    expect(loadConfig({}).retention).toEqual({ everyMs: 3_600_000, batch: 500 });
    expect(
      loadConfig({ ARBITER_RETENTION_EVERY_MS: '60000', ARBITER_RETENTION_BATCH: '50' }).retention,
    ).toEqual({ everyMs: 60_000, batch: 50 });
  });

  it('reads intake group commit: a 2 ms window of at most 100 submissions, written at once when idle, by default; 0 turns it off', () => {
    expect(loadConfig({}).intake).toEqual({ batchWindowMs: 2, batchMax: 100, batchWhenIdle: true });
    expect(
      loadConfig({
        ARBITER_INTAKE_BATCH_WINDOW_MS: '0',
        ARBITER_INTAKE_BATCH_MAX: '0',
        ARBITER_INTAKE_BATCH_WRITE_WHEN_IDLE: 'false',
      }).intake,
    ).toEqual({ batchWindowMs: 0, batchMax: 0, batchWhenIdle: false });
    expect(() => loadConfig({ ARBITER_INTAKE_BATCH_WRITE_WHEN_IDLE: 'yes' })).toThrow(
      /ARBITER_INTAKE_BATCH_WRITE_WHEN_IDLE must be true or false/,
    );
  });

  it('reads the alert targets; none by default', () => {
    expect(loadConfig({}).alerts).toEqual({
      webhookUrl: null,
      webhookSecret: null,
      slackUrl: null,
    });
    expect(
      loadConfig({
        ARBITER_ALERT_WEBHOOK_URL: 'https://alerts.example/hook',
        ARBITER_ALERT_WEBHOOK_SECRET: 'whsec_c2VjcmV0',
        ARBITER_ALERT_SLACK_URL: 'https://hooks.slack.com/services/T/B/X',
      }).alerts,
    ).toEqual({
      webhookUrl: 'https://alerts.example/hook',
      webhookSecret: 'whsec_c2VjcmV0',
      slackUrl: 'https://hooks.slack.com/services/T/B/X',
    });
  });

  it('reads the hardening settings: login throttle, timeouts, socket origins, trusted proxies, client rate', () => {
    const defaults = loadConfig({});
    expect(defaults.loginThrottle).toEqual({
      maxFailuresPerAccount: 5,
      maxFailuresPerAddress: 20,
      windowSeconds: 900,
    });
    expect(defaults.http).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
    });
    expect(defaults.socketOrigins).toEqual([]);
    expect(defaults.trustProxy).toBe(true);
    expect(defaults.clientRequestsPerSecond).toBe(0);
    expect(
      loadConfig({ ARBITER_SOCKET_ORIGINS: 'https://desk.example.com, http://localhost:5173' })
        .socketOrigins,
    ).toEqual(['https://desk.example.com', 'http://localhost:5173']);
    expect(loadConfig({ ARBITER_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ARBITER_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ARBITER_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  it('reads the webhook allow-list as lower-cased host names, with a day of retries by default', () => {
    const config = loadConfig({ ARBITER_WEBHOOK_ALLOW_HOSTS: ' LocalHost ,127.0.0.1,[::1]' });
    expect(config.webhooks.allowHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(loadConfig({}).webhooks.retryHorizonMs).toBe(86_400_000);
    expect(loadConfig({}).webhooks.allowHosts).toEqual([]);
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', REDIS_URL: 'nope' });
      throw new Error('expected ConfigError');
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
