import 'reflect-metadata';
import { ConfigError, loadConfig } from '@arbiter/config';
import { createWorkerApp } from './worker-app.factory';

createWorkerApp(loadConfig()).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
