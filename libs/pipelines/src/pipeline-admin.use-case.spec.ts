import { loadConfig } from '@arbiter/config';
import { UrlGuard } from '@arbiter/delivery';
import type { ReviewQueueRepository } from '@arbiter/review';
import type { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import { PipelineAdmin } from './pipeline-admin.use-case';
import { PipelinesError } from './pipelines.errors';

// Every host resolves to a public address: only the rules under test refuse.
const guard = (config: ReturnType<typeof loadConfig>) =>
  new UrlGuard(config, async () => [{ address: '93.184.215.14', family: 4 }]);

/** Nothing past validation is reached in these cases: a refused policy is never stored. */
const admin = (env: Record<string, string> = {}) => {
  const config = loadConfig(env);
  return new PipelineAdmin(
    {} as PipelineRepository,
    {} as PolicyCatalog,
    {} as ReviewQueueRepository,
    guard(config),
    config,
  );
};

const problemsOf = async (run: Promise<unknown>) => {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelinesError);
  return (error as PipelinesError).problems as { path: string; message: string }[];
};

const put = (a: PipelineAdmin, alerts: Record<string, unknown>) =>
  a.putVersion(
    'support',
    {
      format: 'object',
      value: {
        pipeline: 'support',
        thresholds: { autoApprove: 0.9, aiReview: 0.5 },
        alerts,
      },
    },
    true,
    'test',
  );

describe('PipelineAdmin: alert targets of a policy', () => {
  it('refuses a webhook when this server has no secret to sign it with: it could never be sent', async () => {
    const problems = await problemsOf(put(admin(), { webhookUrl: 'https://hooks.example.com/a' }));
    expect(problems).toEqual([
      {
        path: 'alerts.webhookUrl',
        message: expect.stringContaining('ARBITER_ALERT_WEBHOOK_SECRET, which is not set'),
      },
    ]);
  });

  it('refuses an address the SSRF guard refuses, by the field', async () => {
    const problems = await problemsOf(
      put(admin({ ARBITER_ALERT_WEBHOOK_SECRET: 'whsec_c2VjcmV0' }), {
        webhookUrl: 'https://hooks.example.com/a',
        slackUrl: 'http://169.254.169.254/latest',
      }),
    );
    expect(problems).toEqual([
      { path: 'alerts.slackUrl', message: expect.stringContaining('metadata address') },
    ]);
  });
});

describe('PipelineAdmin: the AI reviewer prompt a policy names', () => {
  const withAiReview = (aiReview: Record<string, unknown>) =>
    admin().putVersion(
      'support',
      {
        format: 'object',
        value: {
          pipeline: 'support',
          thresholds: { autoApprove: 0.9, aiReview: 0.5 },
          aiReview: { providers: ['openai'], ...aiReview },
        },
      },
      true,
      'test',
    );

  it('refuses an unknown aiReview.promptVersion (every AI review would fail), naming the known ones', async () => {
    const problems = await problemsOf(withAiReview({ promptVersion: 'v9' }));
    expect(problems).toEqual([
      { path: 'aiReview.promptVersion', message: expect.stringMatching(/"v9".*known: v1/) },
    ]);
  });
});
