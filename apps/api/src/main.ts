import 'reflect-metadata';
import { ConfigError, loadConfig } from '@arbiter/config';
import { createApiApp } from './api-app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  // A bad environment is reported plainly, without a stack: it is the operator's to fix.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
