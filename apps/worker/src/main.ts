import 'reflect-metadata';
import { ConfigError, loadConfig } from '@arbiter/config';
import { setPriority } from 'node:os';
import { createWorkerApp } from './worker-app.factory';

/**
 * Set here, not in createWorkerApp: tests build the worker inside the test process, whose
 * priority is not the worker's to change. Measured with `npm run bench:intake` at 150
 * requests/s: intake p99 76 ms with the worker at the api's priority, 30 ms at nice 10.
 */
function yieldCpuToApi(nice: number): void {
  try {
    setPriority(nice);
  } catch (error) {
    console.warn(`ARBITER_WORKER_NICE=${nice} not applied: ${(error as Error).message}`);
  }
}

try {
  const config = loadConfig();
  yieldCpuToApi(config.worker.nice);
  createWorkerApp(config).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
