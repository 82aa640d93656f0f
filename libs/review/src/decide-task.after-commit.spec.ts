import { Logger } from '@nestjs/common';
import { alice, setUp } from './decide-task.fixture';

/** Redis refusing the job's clean-up once the decision is committed in Postgres (an outage). */
function redisDown(t: ReturnType<typeof setUp>): void {
  jest.spyOn(t.dispatch, 'finish').mockRejectedValue(new Error('Connection is closed.'));
}

describe('DecideTask after the commit: Redis clean-up is not what the decision waits on', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('a final decision is published (its webhook recorded) and answered although the job could not be removed', async () => {
    const t = setUp();
    const { submission, task } = await t.openTask();
    const leaseToken = await t.claimAs(alice, task.id);
    redisDown(t);

    expect(await t.decide(alice, task.id, { leaseToken })).toEqual({
      result: 'decided',
      outcome: 'approved',
    });
    expect(t.submissions.get(submission.id)?.status).toBe('approved');
    expect(t.events.names).toEqual(['submission.approved', 'submission.moved']);
  });

  it('an overturned audit still reaches the oversight loop (breaker, audit.failed) although the job could not be removed', async () => {
    const t = setUp();
    const { task } = await t.openTask({ kind: 'qa' }, 'approved');
    const leaseToken = await t.claimAs(alice, task.id);
    redisDown(t);

    expect(
      await t.decide(alice, task.id, {
        leaseToken,
        action: 'reject',
        reasonCodes: ['wrong-facts'],
      }),
    ).toEqual({ result: 'audited', verdict: 'overturned' });
    expect(t.auditHandler.afterCommitted).toEqual([
      expect.objectContaining({ verdict: expect.objectContaining({ overturned: true }) }),
    ]);
  });

  it('a decision held for its undo window is answered with its decision id, its window still scheduled', async () => {
    const t = setUp({ undoWindow: '15s' });
    const { task } = await t.openTask();
    const leaseToken = await t.claimAs(alice, task.id);
    redisDown(t);

    const result = await t.decide(alice, task.id, { leaseToken });
    expect(result).toMatchObject({ result: 'decided', decisionId: expect.any(String) });
    expect(t.finalizeRuns).toHaveLength(1);
  });
});
