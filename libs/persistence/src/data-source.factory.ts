import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

/** A TypeORM data source for Arbiter's schema. synchronize stays off: migrations own the schema. */
export function createDataSource(
  databaseUrl: string,
  poolSize = 10,
  synchronousCommit = true,
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      options: sessionOptions(synchronousCommit),
    },
  });
}

/**
 * Settings for every Arbiter session. JIT is off: Arbiter runs short statements and bounded
 * batches, and JIT compiling one stats rollup batch of 5,000 events took 686 ms of a 784 ms
 * run (76 ms without), a whole core stalled every few seconds under intake load.
 */
function sessionOptions(synchronousCommit: boolean): string {
  return synchronousCommit ? '-c jit=off' : '-c jit=off -c synchronous_commit=off';
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        // Two processes racing to create it: the loser's duplicate_database error is fine.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await admin.end();
  }
}

/** Creates the database if missing and applies pending migrations; returns their names. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = createDataSource(databaseUrl, 2);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
