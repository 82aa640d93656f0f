import { ConfigError, loadConfig } from '@arbiter/config';
import { migrateDatabase } from './data-source.factory';

/** `npm run migrate`: creates the database if missing and applies pending migrations. */
async function main(): Promise<void> {
  const { databaseUrl } = loadConfig();
  const applied = await migrateDatabase(databaseUrl);
  const where = new URL(databaseUrl).pathname.slice(1);
  console.log(
    applied.length
      ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}`
      : `${where} is up to date`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
