import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ReviewErrorCode } from './review.errors';
import { ReviewTaskRow } from './repositories/review-task.repository';
import { alice, bob, ORIGINAL, setUp } from './decide-task.fixture';

describe('DecideTask: decisions and the lease fence', () => {
  // The use case's own logs (stale transitions, dispatches) are not what these tests read.
  beforeAll(() => Logger.overrideLogger(false));

  describe('one reviewer needed', () => {
    it('approve: the submission is approved by that reviewer, the task closed and its job gone', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);

      expect(await t.decide(alice, task.id, { leaseToken, comment: 'fine' })).toEqual({
        result: 'decided',
        outcome: 'approved',
      });

      expect(t.submissions.get(submission.id)).toMatchObject({
        status: 'approved',
        decidedAt: expect.any(Date),
        decision: {
          outcome: 'approved',
          decidedBy: 'human',
          reviewers: [alice],
          edited: false,
          finalOutput: ORIGINAL,
        },
      });
      expect(t.tasks.get(task.id)).toMatchObject({ status: 'decided', leaseToken: null });
      expect(t.decisions.of(task.id)).toEqual([
        expect.objectContaining({
          reviewerId: alice,
          action: 'approve',
          comment: 'fine',
          diff: null,
        }),
      ]);
      expect(t.dispatch.waiting('support')).toEqual([]);
      expect(t.dispatch.active('support')).toEqual([]);
      expect(t.submissions.history(submission.id)).toEqual([
        expect.objectContaining({
          fromStatus: 'human_review',
          toStatus: 'approved',
          actor: `user:${alice}`,
        }),
      ]);
    });

    it('publishes submission.approved and submission.moved once the transaction has committed', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);

      await t.decide(alice, task.id, { leaseToken });

      expect(t.events.names).toEqual(['submission.approved', 'submission.moved']);
      expect(t.events.published.every((e) => !e.duringTransaction)).toBe(true);
      expect(t.events.published[0].payload).toMatchObject({
        submissionId: submission.id,
        from: 'human_review',
        to: 'approved',
        submission: { status: 'approved' },
      });
    });

    it('reject: rejected with the reviewer’s reason codes, nothing goes out', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);

      expect(
        await t.decide(alice, task.id, { leaseToken, action: 'reject', reasonCodes: ['tone'] }),
      ).toEqual({ result: 'decided', outcome: 'rejected' });

      const decided = t.submissions.get(submission.id);
      expect(decided).toMatchObject({
        status: 'rejected',
        decision: { outcome: 'rejected', reasons: [{ code: 'tone', message: 'tone' }] },
      });
      expect(decided?.decision).not.toHaveProperty('finalOutput');
      expect(t.events.names).toEqual(['submission.rejected', 'submission.moved']);
    });

    it('edit: the edited output goes out, the original is kept and the decision stores a word diff', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);
      const edited = { text: 'The capital of France is Paris, on the Seine.' };

      expect(
        await t.decide(alice, task.id, { leaseToken, action: 'edit', editedOutput: edited }),
      ).toEqual({ result: 'decided', outcome: 'approved' });

      expect(t.submissions.get(submission.id)?.decision).toMatchObject({
        edited: true,
        finalOutput: edited,
        originalOutput: ORIGINAL,
      });
      expect(t.decisions.of(task.id)).toEqual([
        expect.objectContaining({
          action: 'edit',
          editedOutput: edited,
          diff: [
            { op: 'same', text: 'The capital of France is' },
            { op: 'remove', text: ' Paris.' },
            { op: 'add', text: ' Paris, on the Seine.' },
          ],
        }),
      ]);
    });

    it('escalate: the task moves to the escalation queue and the submission waits there for a lead', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);

      expect(await t.decide(alice, task.id, { leaseToken, action: 'escalate' })).toEqual({
        result: 'escalated',
        queue: 'leads',
      });

      expect(t.submissions.get(submission.id)?.status).toBe('human_review');
      const [original, escalation] = t.tasks.ofSubmission(submission.id);
      expect(original).toMatchObject({ id: task.id, status: 'escalated' });
      expect(escalation).toMatchObject({
        queue: 'leads',
        kind: 'escalation',
        status: 'pending',
        escalatedFrom: task.id,
      });
      expect(t.dispatch.waiting('leads')).toEqual([escalation.id]);
      expect(t.dispatch.active('support')).toEqual([]);
      expect(t.submissions.history(submission.id)).toEqual([
        expect.objectContaining({
          type: 'review.escalated',
          data: expect.objectContaining({ reason: 'reviewer.escalated', toQueue: 'leads' }),
        }),
      ]);
      expect(t.events.published).toEqual([]);
    });
  });

  describe('the lease fence', () => {
    it('refuses a lease that has lapsed with review.lease_lost, and changes nothing', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = `${alice}.lapsed`;
      t.tasks.add({
        ...task,
        status: 'claimed',
        claimedBy: alice,
        leaseToken,
        claimedAt: new Date(Date.now() - 120_000),
        leaseExpiresAt: new Date(Date.now() - 1),
      });

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.LeaseLost,
      });
      expect(t.submissions.get(submission.id)?.status).toBe('human_review');
      expect(t.decisions.of(task.id)).toEqual([]);
      expect(t.events.published).toEqual([]);
    });

    it('refuses a second decision with the same (now used) token', async () => {
      const t = setUp();
      const { task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);
      await t.decide(alice, task.id, { leaseToken });

      await expect(
        t.decide(alice, task.id, { leaseToken, action: 'reject', reasonCodes: ['tone'] }),
      ).rejects.toMatchObject({
        code: ReviewErrorCode.TaskClosed,
        message: expect.stringContaining('already been decided'),
      });
      expect(t.decisions.of(task.id)).toHaveLength(1);
    });

    it('refuses a task closed by the submission expiring with review.task_closed naming the expiry', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);
      // SLA expiry: the task closes as expired, then the submission moves to expired.
      t.tasks.add({
        ...(t.tasks.get(task.id) as ReviewTaskRow),
        status: 'expired',
        leaseToken: null,
      });
      await t.expire(submission.id);

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.TaskClosed,
        message: expect.stringContaining('time to live ran out'),
      });
      expect(t.decisions.of(task.id)).toEqual([]);
    });

    it('refuses a task withdrawn by the erasure of its submission with review.task_closed naming the erasure', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);
      t.tasks.add({
        ...(t.tasks.get(task.id) as ReviewTaskRow),
        status: 'expired',
        leaseToken: null,
      });
      t.submissions.add({
        ...(t.submissions.get(submission.id) as typeof submission),
        status: 'expired',
        erasedAt: new Date(),
      });

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.TaskClosed,
        message: expect.stringContaining('erased'),
      });
    });

    it('refuses a task escalated away from the caller with review.task_closed naming the escalation', async () => {
      const t = setUp();
      const { task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);
      t.tasks.add({
        ...(t.tasks.get(task.id) as ReviewTaskRow),
        status: 'escalated',
        leaseToken: null,
      });

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.TaskClosed,
        message: expect.stringContaining('escalated'),
      });
    });

    it('refuses with review.lease_lost when the lease is taken back between the read and the fenced write', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);
      const read = t.tasks.findWithSubmission.bind(t.tasks);
      // Lease recovery returns the task right after the use case has read it as held.
      jest.spyOn(t.tasks, 'findWithSubmission').mockImplementationOnce(async (id) => {
        const seen = await read(id);
        const held = t.tasks.get(id) as ReviewTaskRow;
        t.tasks.add({ ...held, leaseExpiresAt: new Date(Date.now() - 1) });
        await t.tasks.returnToPending(id, leaseToken, null);
        return seen;
      });

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.LeaseLost,
      });
      expect(t.tasks.get(task.id)).toMatchObject({ status: 'pending', claimedBy: null });
      expect(t.decisions.of(task.id)).toEqual([]);
      expect(t.submissions.get(submission.id)?.status).toBe('human_review');
    });

    it('refuses someone who never held the task with review.not_your_task', async () => {
      const t = setUp();
      const { task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);

      await expect(t.decide(bob, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.NotYourTask,
      });
      expect(t.tasks.get(task.id)).toMatchObject({ status: 'claimed', claimedBy: alice });
    });

    it('refuses an unknown task with review.task_not_found', async () => {
      const t = setUp();
      await expect(
        t.decide(alice, randomUUID(), { leaseToken: `${alice}.x` }),
      ).rejects.toMatchObject({
        code: ReviewErrorCode.TaskNotFound,
      });
    });

    it('rolls everything back when the submission left human review meanwhile (it expired)', async () => {
      const t = setUp();
      const { submission, task } = await t.openTask();
      const leaseToken = await t.claimAs(alice, task.id);
      t.submissions.add({
        ...(t.submissions.get(submission.id) as typeof submission),
        status: 'expired',
      });

      await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
        code: ReviewErrorCode.TaskClosed,
        message: expect.stringContaining('time to live ran out'),
      });
      expect(t.tasks.get(task.id)).toMatchObject({
        status: 'claimed',
        claimedBy: alice,
        leaseToken,
      });
      expect(t.decisions.of(task.id)).toEqual([]);
      expect(t.submissions.get(submission.id)?.status).toBe('expired');
      expect(t.events.published).toEqual([]);
    });
  });
});
