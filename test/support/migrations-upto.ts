import { ensureDatabase } from '@arbiter/persistence';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

/** A data source on `url` that knows the first `count` migrations only. */
function dataSourceWithMigrations(url: string, count: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS.slice(0, count),
    migrationsTableName: 'migrations',
    synchronize: false,
  });
}

/**
 * A migration's spec set-up: the database at `url` as it was just before `migration` (every
 * earlier one run), `seed` writing rows the old way, then `migration` alone run on it. The data
 * source returned knows migrations up to this one only, so a revert undoes this one, not a later.
 */
export async function migratedFromSeed(
  url: string,
  migration: (typeof MIGRATIONS)[number],
  seed: (old: DataSource) => Promise<void>,
): Promise<{ db: DataSource; applied: string[] }> {
  const before = MIGRATIONS.indexOf(migration);
  if (before < 1) throw new Error(`${migration.name} is not a migration after the first`);
  await ensureDatabase(url);
  const old = dataSourceWithMigrations(url, before);
  await old.initialize();
  await old.runMigrations({ transaction: 'each' });
  await seed(old);
  await old.destroy();
  const db = dataSourceWithMigrations(url, before + 1);
  await db.initialize();
  const applied = await db.runMigrations({ transaction: 'each' });
  return { db, applied: applied.map((m) => m.name) };
}
