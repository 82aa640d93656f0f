import { Logger } from '@nestjs/common';
import { ReviewErrorCode } from './review.errors';
import { ReviewTaskRow } from './repositories/review-task.repository';
import { alice, bob, ORIGINAL, setUp } from './decide-task.fixture';

describe('DecideTask: consensus and audits', () => {
  // The use case's own logs (stale transitions, dispatches) are not what these tests read.
  beforeAll(() => Logger.overrideLogger(false));

  describe('consensus of two reviewers', () => {
    it('waits for a second reviewer: the task goes back to the queue, the submission stays in review', async () => {
      const t = setUp({ consensus: 2 });
      const { submission, task } = await t.openTask({ consensus: 2 });
      const leaseToken = await t.claimAs(alice, task.id);

      expect(await t.decide(alice, task.id, { leaseToken })).toEqual({
        result: 'waiting',
        have: 1,
        need: 2,
      });

      expect(t.tasks.get(task.id)).toMatchObject({
        status: 'pending',
        claimedBy: null,
        leaseToken: null,
      });
      expect(t.dispatch.waiting('support')).toEqual([task.id]);
      expect(t.submissions.get(submission.id)?.status).toBe('human_review');
      expect(t.decisions.of(task.id)).toEqual([
        expect.objectContaining({ reviewerId: alice, action: 'approve' }),
      ]);
      expect(t.events.published).toEqual([]);
    });

    it('two agreeing approvals (an edit among them) approve with the edit and both reviewers', async () => {
      const t = setUp({ consensus: 2 });
      const { submission, task } = await t.openTask({ consensus: 2 });
      await t.decide(alice, task.id, { leaseToken: await t.claimAs(alice, task.id) });
      const edited = { text: 'Paris is the capital of France.' };

      const result = await t.decide(bob, task.id, {
        leaseToken: await t.claimAs(bob, task.id),
        action: 'edit',
        editedOutput: edited,
      });

      expect(result).toEqual({ result: 'decided', outcome: 'approved' });
      expect(t.submissions.get(submission.id)).toMatchObject({
        status: 'approved',
        decision: {
          reviewers: [alice, bob],
          edited: true,
          finalOutput: edited,
          originalOutput: ORIGINAL,
        },
      });
      expect(t.tasks.get(task.id)?.status).toBe('decided');
      expect(t.dispatch.waiting('support')).toEqual([]);
      expect(t.events.names).toEqual(['submission.approved', 'submission.moved']);
      expect(t.events.published.every((e) => !e.duringTransaction)).toBe(true);
    });

    it('two agreeing rejections reject with the reasons of both', async () => {
      const t = setUp({ consensus: 2 });
      const { submission, task } = await t.openTask({ consensus: 2 });
      await t.decide(alice, task.id, {
        leaseToken: await t.claimAs(alice, task.id),
        action: 'reject',
        reasonCodes: ['tone'],
      });

      await t.decide(bob, task.id, {
        leaseToken: await t.claimAs(bob, task.id),
        action: 'reject',
        reasonCodes: ['wrong-facts'],
      });

      expect(t.submissions.get(submission.id)?.decision).toMatchObject({
        outcome: 'rejected',
        reasons: [
          { code: 'tone', message: 'tone' },
          { code: 'wrong-facts', message: 'wrong-facts' },
        ],
      });
      expect(t.events.names).toEqual(['submission.rejected', 'submission.moved']);
    });

    it('a disagreement escalates to the escalation queue', async () => {
      const t = setUp({ consensus: 2 });
      const { submission, task } = await t.openTask({ consensus: 2 });
      await t.decide(alice, task.id, { leaseToken: await t.claimAs(alice, task.id) });

      const result = await t.decide(bob, task.id, {
        leaseToken: await t.claimAs(bob, task.id),
        action: 'reject',
        reasonCodes: ['tone'],
      });

      expect(result).toEqual({ result: 'escalated', queue: 'leads' });
      expect(t.submissions.get(submission.id)?.status).toBe('human_review');
      expect(t.tasks.get(task.id)?.status).toBe('escalated');
      const escalation = t.tasks.ofSubmission(submission.id).find((x) => x.kind === 'escalation');
      expect(t.dispatch.waiting('leads')).toEqual([escalation?.id]);
      expect(t.submissions.history(submission.id)).toEqual([
        expect.objectContaining({
          type: 'review.escalated',
          data: expect.objectContaining({ reason: 'consensus.disagreement' }),
        }),
      ]);
      expect(t.events.published).toEqual([]);
    });

    it('a disagreement with nowhere to escalate rejects (nothing goes out on a split vote)', async () => {
      const t = setUp({ consensus: 2, escalateTo: undefined });
      const { submission, task } = await t.openTask({ consensus: 2 });
      await t.decide(alice, task.id, { leaseToken: await t.claimAs(alice, task.id) });

      const result = await t.decide(bob, task.id, {
        leaseToken: await t.claimAs(bob, task.id),
        action: 'reject',
        reasonCodes: ['tone'],
      });

      expect(result).toEqual({ result: 'decided', outcome: 'rejected' });
      expect(t.submissions.get(submission.id)?.decision).toMatchObject({
        outcome: 'rejected',
        reasons: [expect.objectContaining({ code: 'consensus.disagreement' })],
        reviewers: [alice, bob],
      });
    });
  });

  describe('audit tasks', () => {
    async function openAudit(t: ReturnType<typeof setUp>) {
      const opened = await t.openTask({ kind: 'qa' }, 'approved');
      return { ...opened, leaseToken: await t.claimAs(alice, opened.task.id) };
    }

    it('a reject overturns the automatic approval: the verdict is recorded, the submission stays approved', async () => {
      const t = setUp();
      const { submission, task, leaseToken } = await openAudit(t);

      const result = await t.decide(alice, task.id, {
        leaseToken,
        action: 'reject',
        reasonCodes: ['wrong-facts'],
        comment: 'made up',
      });

      expect(result).toEqual({ result: 'audited', verdict: 'overturned' });
      expect(t.auditHandler.recorded).toEqual([
        expect.objectContaining({
          taskId: task.id,
          reviewerId: alice,
          overturned: true,
          reasonCodes: ['wrong-facts'],
          comment: 'made up',
          correctedOutput: null,
        }),
      ]);
      expect(t.auditHandler.afterCommitted).toEqual([
        expect.objectContaining({ duringTransaction: false }),
      ]);
      expect(t.tasks.get(task.id)?.status).toBe('decided');
      expect(t.decisions.of(task.id)).toEqual([expect.objectContaining({ action: 'reject' })]);
      expect(t.submissions.get(submission.id)?.status).toBe('approved');
      expect(t.submissions.history(submission.id)).toEqual([]);
      expect(t.events.published).toEqual([]);
      expect(t.dispatch.active('support')).toEqual([]);
    });

    it('an approve agrees; an edit overturns with the corrected output', async () => {
      const agree = setUp();
      const a = await openAudit(agree);
      expect(await agree.decide(alice, a.task.id, { leaseToken: a.leaseToken })).toEqual({
        result: 'audited',
        verdict: 'agreed',
      });
      expect(agree.auditHandler.recorded).toEqual([expect.objectContaining({ overturned: false })]);

      const edit = setUp();
      const e = await openAudit(edit);
      const corrected = { text: 'Paris.' };
      expect(
        await edit.decide(alice, e.task.id, {
          leaseToken: e.leaseToken,
          action: 'edit',
          editedOutput: corrected,
        }),
      ).toEqual({ result: 'audited', verdict: 'overturned' });
      expect(edit.auditHandler.recorded).toEqual([
        expect.objectContaining({ overturned: true, correctedOutput: corrected }),
      ]);
    });

    it('a lost lease records no verdict', async () => {
      const t = setUp();
      const { task, leaseToken } = await openAudit(t);
      t.tasks.add({
        ...(t.tasks.get(task.id) as ReviewTaskRow),
        leaseExpiresAt: new Date(Date.now() - 1),
      });

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.LeaseLost,
      });
      expect(t.auditHandler.recorded).toEqual([]);
      expect(t.auditHandler.afterCommitted).toEqual([]);
    });

    it('a verdict that cannot be recorded leaves the task held and undecided', async () => {
      const t = setUp();
      const { task, leaseToken } = await openAudit(t);
      t.auditHandler.failWith = new Error('audit table unavailable');

      await expect(
        t.decide(alice, task.id, { leaseToken, action: 'reject', reasonCodes: ['tone'] }),
      ).rejects.toThrow('audit table unavailable');
      expect(t.tasks.get(task.id)).toMatchObject({
        status: 'claimed',
        claimedBy: alice,
        leaseToken,
      });
      expect(t.decisions.of(task.id)).toEqual([]);
      expect(t.auditHandler.afterCommitted).toEqual([]);
    });
  });
});
