import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

/**
 * A data source on `url` that knows the first `count` migrations only: a migration's spec builds
 * the database as it was before it, writes rows the old way, then runs it.
 */
export function dataSourceWithMigrations(url: string, count: number): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS.slice(0, count),
    migrationsTableName: 'migrations',
    synchronize: false,
  });
}
