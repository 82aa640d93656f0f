import { MaintenanceJob, QueueName, reviewQueueName } from '@arbiter/queue';
import { deleteKeysWithPrefix, expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';

describe('maintenance schedules survive Redis losing its data', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      config: {
        worker: { scheduleCheckEveryMs: 200, recoveryEveryMs: 3_600_000 },
        review: {
          leaseMs: 60_000,
          leaseWarningMs: 1000,
          atRiskMarginMs: 60_000,
          maintenanceEveryMs: 3_600_000,
          reconcileEveryMs: 500,
        },
      },
    });
  });
  afterAll(() => arbiter.stop());

  it('after a flush the worker restores every schedule and the reconciler puts pending tasks back by itself', async () => {
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    for (let i = 0; i < 5; i++) {
      await arbiter.http.post('/v1/submissions', submissionBody({ pipeline: 'support' }), {
        token: arbiter.bootstrapKey,
      });
    }
    const reviewQueue = arbiter.producer.queue(reviewQueueName('support'));
    await expectEventually(async () =>
      expect(await reviewQueue.getJobCountByTypes('prioritized')).toBe(5),
    );

    await deleteKeysWithPrefix(arbiter.producer.connection, arbiter.config.redisPrefix);
    expect(await reviewQueue.getJobCountByTypes('prioritized')).toBeLessThan(5);

    // Nothing is called by hand: the schedule check restores the reconciler's schedule, then
    // the reconciler re-adds each pending task exactly once.
    const maintenance = arbiter.producer.queue(QueueName.Maintenance);
    await expectEventually(async () => {
      const names = (await maintenance.getJobSchedulers()).map((s) => s.key).sort();
      expect(names).toEqual(Object.values(MaintenanceJob).sort());
    });
    await expectEventually(async () =>
      expect(await reviewQueue.getJobCountByTypes('prioritized')).toBe(5),
    );
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await reviewQueue.getJobCountByTypes('prioritized', 'waiting', 'active')).toBe(5);
  });
});
