import { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@arbiter/config';
import { QueueName } from '@arbiter/queue';
import { expectEventually } from '@arbiter/testing';
import { createWorkerApp } from '../../apps/worker/src/worker-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';
import { approve, FakeLlmServer, fakeLlmProviders } from '../support/fake-llm.server';
import { policy, submissionBody } from '../support/fixtures';

const REQUESTS_PER_MINUTE = 3;

describe('AI review rate limits hold across worker replicas', () => {
  let llm: FakeLlmServer;
  let arbiter: ArbiterHarness;
  let secondWorker: INestApplicationContext;

  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    const providers = fakeLlmProviders(llm, {
      pricePer1kInput: undefined,
      pricePer1kOutput: undefined,
      requestsPerMinute: REQUESTS_PER_MINUTE,
    });
    // One job at a time per replica, so both replicas take part.
    const aiReview = { ...loadConfig({}).aiReview, providers, concurrency: 1 };
    arbiter = await ArbiterHarness.start({ config: { aiReview } });
    secondWorker = await createWorkerApp(arbiter.config);
  });
  afterAll(async () => {
    await secondWorker.close();
    await arbiter.stop();
    await llm.stop();
  });

  it('lets only the per-minute limit through two worker instances; the rest wait in the queue, not dropped', async () => {
    llm.script(() => ({ verdict: approve(0.97), delayMs: 150 }));
    await arbiter.putPolicy(
      'support',
      policy({
        thresholds: { autoApprove: 1, aiReview: 0 },
        aiReview: { providers: ['llm'], approveAt: 0.9 },
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await arbiter.http.post<{ id: string }>(
        '/v1/submissions',
        submissionBody({ externalId: `rl-${i}` }),
        { token: arbiter.bootstrapKey },
      );
      ids.push(res.body.id);
    }
    await expectEventually(async () => {
      const counts = await arbiter.producer.counts(QueueName.AiReview);
      expect(counts.delayed).toBe(ids.length - REQUESTS_PER_MINUTE);
      expect(counts.active + counts.waiting).toBe(0);
    }, 20_000);
    expect(llm.received).toHaveLength(REQUESTS_PER_MINUTE);
    const statuses: { status: string; n: number }[] = await arbiter.db.query(
      `SELECT status, count(*)::int AS n FROM submissions GROUP BY status ORDER BY status`,
    );
    expect(statuses).toEqual([
      { status: 'ai_review', n: ids.length - REQUESTS_PER_MINUTE },
      { status: 'approved', n: REQUESTS_PER_MINUTE },
    ]);
  });
});
