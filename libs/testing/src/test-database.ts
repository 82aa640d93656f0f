import {
  setTestTemplateDatabase,
  testPostgresServerUrl,
  testTemplateDatabase,
} from '@arbiter/config';
import { migrateDatabase } from '@arbiter/persistence';
import { Client } from 'pg';

// One template per test run (concurrent runs on one machine must not drop each other's).
const templateDatabase = testTemplateDatabase;

export function databaseUrl(name: string): string {
  return `${testPostgresServerUrl()}/${name}`;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Builds the migrated template every test database of this run is copied from (jest globalSetup). */
export async function prepareTemplateDatabase(): Promise<void> {
  setTestTemplateDatabase(`arbiter_test_template_${process.pid}`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${templateDatabase()} WITH (FORCE)`));
  await migrateDatabase(databaseUrl(templateDatabase()));
}

/** Drops this run's template (jest globalTeardown). */
export async function dropTemplateDatabase(): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${templateDatabase()} WITH (FORCE)`));
}

/** A fresh database for one test file, copied from the migrated template (fast, isolated). */
export async function createTestDatabase(name: string): Promise<string> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
  });
  return databaseUrl(name);
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
