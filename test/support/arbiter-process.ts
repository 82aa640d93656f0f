import 'reflect-metadata';
import type { AppConfig } from '@arbiter/config';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { createWorkerApp } from '../../apps/worker/src/worker-app.factory';

/**
 * One Arbiter process of a chaos scenario, run as a child so the test can kill it with SIGKILL:
 * `node arbiter-process.js api|worker '<AppConfig as JSON>'`. Prints one JSON line when ready
 * (the api's URL), then runs until killed or told to stop (SIGTERM: a graceful close).
 */
async function main(): Promise<void> {
  const [role, json] = process.argv.slice(2);
  const config = JSON.parse(json) as AppConfig;
  if (role === 'api') {
    const api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    process.on('SIGTERM', () => void api.close().then(() => process.exit(0)));
    process.stdout.write(`${JSON.stringify({ ready: true, url: await api.getUrl() })}\n`);
  } else {
    const worker = await createWorkerApp(config);
    process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
    process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
