/**
 * The environment of the test harness (jest globalSetup hands the run's template database to
 * its workers through the environment; workers inherit it).
 */
const TEMPLATE_ENV = 'ARBITER_TEST_TEMPLATE_DB';

export function testPostgresServerUrl(): string {
  return process.env.ARBITER_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
}

export function testTemplateDatabase(): string {
  return process.env[TEMPLATE_ENV] ?? 'arbiter_test_template';
}

export function setTestTemplateDatabase(name: string): void {
  process.env[TEMPLATE_ENV] = name;
}
