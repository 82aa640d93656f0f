import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

describe('operations: health, metrics, docs, request ids', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
    await arbiter.putPolicy('support', policy());
  });
  afterAll(() => arbiter.stop());

  it('/health reports Postgres and Redis up', async () => {
    const res = await arbiter.http.get<{ status: string; checks: Record<string, string> }>(
      '/health',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('/metrics exposes submissions by route, stage latency and queue depths', async () => {
    await arbiter.http.post('/v1/submissions?wait=5000', submissionBody(), {
      token: arbiter.bootstrapKey,
    });
    const res = await arbiter.http.get<string>('/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/arbiter_submissions_accepted_total\{pipeline="support"\} 1/);
    expect(res.body).toMatch(/arbiter_submissions_routed\{route="approved"\} 1/);
    expect(res.body).toMatch(/arbiter_queue_jobs\{queue="score",state="waiting"\} 0/);
    expect(res.body).toMatch(
      /arbiter_http_request_duration_seconds_bucket\{.*route="\/v1\/submissions"/,
    );

    const { WorkerMetrics } = await import('../../apps/worker/src/common/worker-metrics.service');
    const port = arbiter.worker!.get(WorkerMetrics).port;
    const worker = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    expect(worker).toMatch(/arbiter_score_stage_duration_seconds_count\{route="approved"\} 1/);
  });

  it('/docs serves the OpenAPI document built from the DTOs', async () => {
    const res = await arbiter.http.get<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>('/docs/json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/v1/submissions', '/v1/submissions/{id}', '/v1/pipelines/{key}']),
    );
    expect(res.body.components.schemas).toHaveProperty('CreateSubmissionDto');
  });

  it('echoes the caller request id, or makes one', async () => {
    const given = await arbiter.http.get('/health', { headers: { 'x-request-id': 'req-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    const made = await arbiter.http.get('/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('operations: /health when a dependency is down', () => {
  it('answers 503 naming Redis when its connection is gone', async () => {
    const arbiter = await ArbiterHarness.start({ worker: false });
    try {
      arbiter.producer.connection.disconnect();
      const res = await arbiter.http.get<{ status: string; checks: Record<string, string> }>(
        '/health',
      );
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('down: redis');
      expect(res.body.checks.postgres).toBe('up');
    } finally {
      await arbiter.stop();
    }
  });
});
