import { dropTemplateDatabase, prepareTemplateDatabase, TEST_ADMIN } from '@arbiter/testing';
import { ArbiterHarness } from './arbiter.harness';
import { ALWAYS_HUMAN, policy } from './fixtures';
import { testWebhookConfig } from './webhook-receiver.server';

/**
 * The running stack for tests outside Jest (the Python SDK's pytest): the test harness's api and
 * worker on their own database and Redis prefix, with two pipelines: `support` (decided at once)
 * and `desk` (always human review, queue `desk`). Prints one JSON line with the base URL and
 * credentials, then runs until its stdin closes or it gets SIGTERM, and cleans up.
 */
async function main(): Promise<void> {
  await prepareTemplateDatabase();
  const arbiter = await ArbiterHarness.start({ config: { webhooks: testWebhookConfig() } });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= arbiter
      .stop()
      .then(() => dropTemplateDatabase())
      .then(() => process.exit(0)));
  process.stdin.on('end', stop).resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await arbiter.reset();
  await arbiter.putPolicy('support', policy());
  await arbiter.putPolicy(
    'desk',
    policy({ ...ALWAYS_HUMAN, review: { queue: 'desk', sla: '30m', reasonCodes: ['inaccurate'] } }),
  );
  process.stdout.write(
    `${JSON.stringify({ baseUrl: arbiter.http.baseUrl, apiKey: arbiter.bootstrapKey, admin: TEST_ADMIN })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
