import { AppConfig, loadConfig } from '@arbiter/config';

export const TEST_API_KEY = 'test-bootstrap-key-0123456789';
export const TEST_ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

/** Configuration of one test file's Arbiter: its own database and Redis prefix, ephemeral ports. */
/** Config a test overrides; worker settings merge into the defaults one by one. */
export type TestConfigOverrides = Partial<Omit<AppConfig, 'worker'>> & {
  worker?: Partial<AppConfig['worker']>;
};

export function testConfig(
  databaseUrl: string,
  redisPrefix: string,
  overrides: TestConfigOverrides = {},
): AppConfig {
  const base = loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: 'redis://127.0.0.1:6379',
    ARBITER_REDIS_PREFIX: redisPrefix,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ARBITER_BOOTSTRAP_API_KEY: TEST_API_KEY,
    ARBITER_BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN.email,
    ARBITER_BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    ARBITER_WORKER_METRICS_PORT: '0',
    DATABASE_POOL_SIZE: '5',
    // Each test's reset empties Redis; restored schedules would then run housekeeping at
    // moments the tests do not choose. The test of the schedule check sets its own period.
    ARBITER_SCHEDULE_CHECK_EVERY_MS: '3600000',
  });
  return { ...base, ...overrides, worker: { ...base.worker, ...overrides.worker } };
}
