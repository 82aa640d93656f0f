import { Logger } from '@nestjs/common';
import { DecisionInput } from './decision-input';
import { ReviewErrorCode } from './review.errors';
import { ReviewTaskRow } from './repositories/review-task.repository';
import { alice, bob, setUp } from './decide-task.fixture';

describe('DecideTask: refusals and failed transactions', () => {
  // The use case's own logs (stale transitions, dispatches) are not what these tests read.
  beforeAll(() => Logger.overrideLogger(false));

  describe('invalid decisions are refused with review.invalid_decision and leave the task held', () => {
    const cases: [string, Partial<DecisionInput>, Partial<ReviewTaskRow>, RegExp][] = [
      [
        'a reject without a reason code',
        { action: 'reject', reasonCodes: [] },
        {},
        /at least one reason code/,
      ],
      [
        'an unknown reason code',
        { action: 'reject', reasonCodes: ['rude'] },
        {},
        /unknown code\(s\) rude/,
      ],
      [
        'an edit without an edited output',
        { action: 'edit', editedOutput: null },
        {},
        /editedOutput/,
      ],
      [
        'an edited output on an approve',
        { action: 'approve', editedOutput: { text: 'x' } },
        {},
        /only an edit/,
      ],
      [
        'an escalation of an escalated task',
        { action: 'escalate' },
        { kind: 'escalation' },
        /cannot be escalated again/,
      ],
      ['an escalation of an audit task', { action: 'escalate' }, { kind: 'qa' }, /audit task/],
    ];
    it.each(cases)('%s', async (_name, input, kind, message) => {
      const t = setUp();
      const { submission, task } = await t.openTask(kind);
      const leaseToken = await t.claimAs(alice, task.id);

      const refusal = t.decide(alice, task.id, { leaseToken, ...input });

      await expect(refusal).rejects.toMatchObject({
        code: ReviewErrorCode.InvalidDecision,
        message,
      });
      expect(t.tasks.get(task.id)).toMatchObject({
        status: 'claimed',
        claimedBy: alice,
        leaseToken,
      });
      expect(t.decisions.of(task.id)).toEqual([]);
      expect(t.submissions.get(submission.id)?.status).toBe('human_review');
    });

    it('an escalation when the policy has no escalation queue', async () => {
      const t = setUp({ escalateTo: undefined });
      const { task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);

      await expect(
        t.decide(alice, task.id, { leaseToken, action: 'escalate' }),
      ).rejects.toMatchObject({
        code: ReviewErrorCode.InvalidDecision,
        message: expect.stringMatching(/no review.escalateTo/),
      });
    });
  });

  describe('when the transaction fails', () => {
    it.each([
      ['one reviewer', 1],
      ['the second of two reviewers', 2],
    ])('nothing transitions and nothing is published (%s)', async (_name, consensus) => {
      const t = setUp({ consensus });
      const { submission, task } = await t.openTask({ consensus });
      if (consensus === 2)
        await t.decide(bob, task.id, { leaseToken: await t.claimAs(bob, task.id) });
      const leaseToken = await t.claimAs(alice, task.id);
      t.db.failNextCommit(new Error('connection lost at commit'));

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toThrow(
        'connection lost at commit',
      );

      expect(t.submissions.get(submission.id)?.status).toBe('human_review');
      expect(t.submissions.history(submission.id)).toEqual([]);
      expect(t.tasks.get(task.id)).toMatchObject({
        status: 'claimed',
        claimedBy: alice,
        leaseToken,
      });
      expect(t.decisions.of(task.id).map((d) => d.reviewerId)).toEqual(
        consensus === 2 ? [bob] : [],
      );
      expect(t.events.published).toEqual([]);
      // The job stays locked by the holder: the lease is still theirs to retry or release.
      expect(t.dispatch.active('support')).toEqual([task.id]);
    });
  });
});
