import { loadConfig } from '@arbiter/config';
import { RecoverUnsettled } from '@arbiter/intake';
import { jobIds, QueueName } from '@arbiter/queue';
import { createWorkerApp } from '../../apps/worker/src/worker-app.factory';
import { Tracing } from '@arbiter/observability';
import { expectEventually } from '@arbiter/testing';
import { hrTimeToNanoseconds } from '@opentelemetry/core';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ArbiterHarness } from '../support/arbiter.harness';
import { approve, FakeLlmServer, fakeLlmProviders } from '../support/fake-llm.server';
import { policy, submissionBody } from '../support/fixtures';
import { ReviewerClient } from '../support/reviewer.client';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const CALLER = `00-${CALLER_TRACE}-${CALLER_SPAN}-01`;

/** The spans of one trace by name (one each here: one submission). */
function byName(spans: readonly ReadableSpan[]): Record<string, ReadableSpan> {
  return Object.fromEntries(spans.map((s) => [s.name, s]));
}

/** The caller trace's spans by name, once they are exactly `names` (spans end asynchronously). */
async function callerSpans(
  exporter: InMemorySpanExporter,
  names: string[],
): Promise<Record<string, ReadableSpan>> {
  return expectEventually(async () => {
    const spans = byName(
      exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === CALLER_TRACE),
    );
    expect(Object.keys(spans).sort()).toEqual([...names].sort());
    return spans;
  });
}

describe('traces: a caller traceparent continues through intake, scoring and the webhook', () => {
  const exporter = new InMemorySpanExporter();
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    Tracing.exportForTests(null);
    await receiver.stop();
  });

  const submit = (arbiter: ArbiterHarness, headers: Record<string, string>) =>
    arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ callbackUrl: receiver.url() }),
      { token: arbiter.bootstrapKey, headers },
    );

  describe('on (in-memory exporter in the api and the worker)', () => {
    let arbiter: ArbiterHarness;
    let llm: FakeLlmServer;
    beforeAll(async () => {
      llm = await FakeLlmServer.start();
      const providers = fakeLlmProviders(llm);
      Tracing.exportForTests(exporter);
      arbiter = await ArbiterHarness.start({
        config: {
          webhooks: testWebhookConfig(),
          aiReview: { ...loadConfig({}).aiReview, providers },
        },
      });
    });
    afterAll(async () => {
      await arbiter.stop();
      await llm.stop();
      Tracing.exportForTests(null);
    });

    it('one trace spans intake → score → deliver, and the receiver gets its traceparent', async () => {
      await arbiter.reset();
      receiver.reset();
      exporter.reset();
      await arbiter.putPolicy('support', policy());
      const res = await submit(arbiter, { traceparent: CALLER });
      expect(res.status).toBe(202);
      const [hook] = await receiver.waitFor(1);
      expect(hook.payload).toBeNull(); // no secret configured in the receiver: body not verified
      expect(JSON.parse(hook.body)).toMatchObject({ type: 'submission.approved' });

      const { intake, score, deliver } = await callerSpans(exporter, [
        'deliver',
        'intake',
        'score',
      ]);
      expect(intake.parentSpanContext?.spanId).toBe(CALLER_SPAN);
      expect(intake.attributes).toMatchObject({
        'arbiter.submission.id': res.body.id,
        'arbiter.pipeline': 'support',
      });
      expect(intake.resource.attributes['service.name']).toBe('arbiter-api');
      expect(score.parentSpanContext?.spanId).toBe(intake.spanContext().spanId);
      expect(score.attributes).toMatchObject({
        'arbiter.submission.id': res.body.id,
        'arbiter.route': 'approved',
        'arbiter.confidence': expect.any(Number),
      });
      expect(score.resource.attributes['service.name']).toBe('arbiter-worker');
      expect(deliver.parentSpanContext?.spanId).toBe(intake.spanContext().spanId);
      expect(deliver.attributes).toMatchObject({ 'arbiter.delivery.outcome': 'delivered' });
      // The receiver continues the same trace, as a child of the deliver span.
      expect(hook.traceparent).toBe(`00-${CALLER_TRACE}-${deliver.spanContext().spanId}-01`);
    });

    it('an AI review is a span of the same trace, between scoring and delivery', async () => {
      await arbiter.reset();
      receiver.reset();
      exporter.reset();
      llm.script(() => ({ verdict: approve(0.97) }));
      await arbiter.putPolicy(
        'support',
        policy({
          thresholds: { autoApprove: 1, aiReview: 0 },
          aiReview: { approveAt: 0.9, providers: ['llm'] },
        }),
      );
      expect((await submit(arbiter, { traceparent: CALLER })).status).toBe(202);
      const [hook] = await receiver.waitFor(1);
      expect(JSON.parse(hook.body)).toMatchObject({ type: 'submission.approved' });
      const spans = await callerSpans(exporter, ['ai-review', 'deliver', 'intake', 'score']);
      const intakeSpan = spans.intake.spanContext().spanId;
      expect(spans.score.attributes['arbiter.route']).toBe('ai_review');
      expect(spans['ai-review'].parentSpanContext?.spanId).toBe(intakeSpan);
      expect(spans['ai-review'].attributes).toMatchObject({
        'arbiter.ai_review.outcome': 'verdict',
        'arbiter.ai_review.provider': 'llm',
      });
      expect(spans.deliver.parentSpanContext?.spanId).toBe(intakeSpan);
      expect(hook.traceparent).toBe(`00-${CALLER_TRACE}-${spans.deliver.spanContext().spanId}-01`);
    });

    it("a reviewer's decision is a span of the same trace, before the delivery it leads to", async () => {
      await arbiter.reset();
      receiver.reset();
      exporter.reset();
      await arbiter.putPolicy('support', policy({ thresholds: { autoApprove: 1, aiReview: 1 } }));
      const res = await submit(arbiter, { traceparent: CALLER });
      expect(res.status).toBe(202);
      const reviewer = await ReviewerClient.create(arbiter, 'traced@example.com', ['support']);
      try {
        const task = await expectEventually(async () => {
          const claimed = await reviewer.claim();
          expect(claimed).not.toBeNull();
          return claimed!;
        });
        expect((await reviewer.decide(task, 'approve')).ok).toBe(true);
        const [hook] = await receiver.waitFor(1);
        expect(JSON.parse(hook.body)).toMatchObject({ type: 'submission.approved' });
        const spans = await callerSpans(exporter, [
          'deliver',
          'intake',
          'review-decision',
          'score',
        ]);
        const intakeSpan = spans.intake.spanContext().spanId;
        expect(spans.score.attributes['arbiter.route']).toBe('human_review');
        const decision = spans['review-decision'];
        expect(decision.parentSpanContext?.spanId).toBe(intakeSpan);
        expect(decision.attributes).toMatchObject({
          'arbiter.submission.id': res.body.id,
          'arbiter.review.task.id': task.task.id,
          'arbiter.review.task.kind': 'review',
          'arbiter.review.action': 'approve',
        });
        expect(decision.resource.attributes['service.name']).toBe('arbiter-api');
        // Start times are [seconds, nanoseconds] pairs: compared as numbers, not as the strings
        // `>=` makes of two arrays ("…,99000000" sorts after "…,100000000").
        expect(
          hrTimeToNanoseconds(spans.deliver.startTime) >= hrTimeToNanoseconds(decision.startTime),
        ).toBe(true);
        expect(hook.traceparent).toBe(
          `00-${CALLER_TRACE}-${spans.deliver.spanContext().spanId}-01`,
        );
      } finally {
        reviewer.close();
      }
    });

    it("a score job enqueued again by recovery continues the submission's trace", async () => {
      await arbiter.reset();
      receiver.reset();
      exporter.reset();
      await arbiter.putPolicy('support', policy());
      // Accept with no worker running, then lose the job as a Redis restart would.
      await arbiter.worker!.close();
      arbiter.worker = undefined;
      const res = await submit(arbiter, { traceparent: CALLER });
      expect(res.status).toBe(202);
      const queue = arbiter.producer.queue(QueueName.Score);
      await (await queue.getJob(jobIds.score(res.body.id)))!.remove();
      await arbiter.db.query(
        `UPDATE submissions SET updated_at = now() - interval '1 hour' WHERE id = $1`,
        [res.body.id],
      );
      arbiter.worker = await createWorkerApp(arbiter.config);
      // The new worker's first recovery pass may run before this one: either re-enqueues it.
      await arbiter.worker.get(RecoverUnsettled).execute();
      await receiver.waitFor(1);
      const [requeued] = await arbiter.db.query(
        `SELECT count(*)::int AS n FROM submission_events WHERE submission_id = $1 AND type = 'recovery.requeued'`,
        [res.body.id],
      );
      expect(requeued.n).toBe(1);
      const spans = await callerSpans(exporter, ['deliver', 'intake', 'score']);
      expect(spans.score.parentSpanContext?.spanId).toBe(spans.intake.spanContext().spanId);
    });

    it('a request without a traceparent starts a trace of its own, carried to the webhook', async () => {
      await arbiter.reset();
      receiver.reset();
      exporter.reset();
      await arbiter.putPolicy('support', policy());
      expect((await submit(arbiter, {})).status).toBe(202);
      const [hook] = await receiver.waitFor(1);
      const intake = exporter.getFinishedSpans().find((s) => s.name === 'intake');
      expect(intake?.parentSpanContext).toBeUndefined();
      expect(hook.traceparent).toMatch(
        new RegExp(`^00-${intake?.spanContext().traceId}-[0-9a-f]{16}-01$`),
      );
    });
  });

  describe('off (no endpoint, no exporter)', () => {
    let arbiter: ArbiterHarness;
    beforeAll(async () => {
      arbiter = await ArbiterHarness.start({ config: { webhooks: testWebhookConfig() } });
    });
    afterAll(() => arbiter.stop());

    it('sends no traceparent and stores none', async () => {
      await arbiter.reset();
      receiver.reset();
      expect(arbiter.api.get(Tracing).enabled).toBe(false);
      expect(arbiter.worker?.get(Tracing).enabled).toBe(false);
      await arbiter.putPolicy('support', policy());
      expect((await submit(arbiter, { traceparent: CALLER })).status).toBe(202);
      const [hook] = await receiver.waitFor(1);
      expect(JSON.parse(hook.body)).toMatchObject({ type: 'submission.approved' });
      expect(hook.traceparent).toBeNull();
      const [row] = (await arbiter.db.query(`SELECT traceparent FROM submissions`)) as {
        traceparent: string | null;
      }[];
      expect(row.traceparent).toBeNull();
    });
  });
});
