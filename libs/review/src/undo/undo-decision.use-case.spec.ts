import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { alice, bob, ORIGINAL, setUp } from '../decide-task.fixture';
import { ReviewErrorCode } from '../review.errors';

const WINDOW_MS = 15_000;

/** A world whose policy holds decisions 15 s, with one task claimed by alice. */
async function decidedWithin() {
  const t = setUp({ undoWindow: '15s' });
  const { submission, task } = await t.openTask();
  const leaseToken = await t.claimAs(alice, task.id);
  return { t, submission, task, leaseToken };
}

describe('the undo window: DecideTask holds, UndoDecision takes back, FinalizePendingDecisions settles', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('a decision within the window is pending: task undoable, submission still in review, nothing published or recorded', async () => {
    const { t, submission, task, leaseToken } = await decidedWithin();

    const result = await t.decide(alice, task.id, { leaseToken, comment: 'fine' });

    expect(result).toEqual({
      result: 'decided',
      outcome: 'approved',
      decisionId: expect.any(String),
      undoableUntil: expect.any(String),
    });
    const { decisionId, undoableUntil } = result as { decisionId: string; undoableUntil: string };
    const untilMs = Date.parse(undoableUntil) - Date.now();
    expect(untilMs).toBeGreaterThan(WINDOW_MS - 5_000);
    expect(untilMs).toBeLessThanOrEqual(WINDOW_MS);
    expect(t.tasks.get(task.id)).toMatchObject({ status: 'undoable', leaseToken: null });
    expect(t.submissions.get(submission.id)).toMatchObject({ status: 'human_review' });
    expect(t.events.names).toEqual([]);
    expect(t.decisions.of(task.id)).toEqual([]);
    expect(t.pending.get(decisionId)).toMatchObject({
      status: 'pending',
      reviewerId: alice,
      action: 'approve',
      comment: 'fine',
    });
    // The job leaves the queue (nobody else may claim it) and the end of the window is scheduled.
    expect(t.dispatch.waiting('support')).toEqual([]);
    expect(t.finalizeRuns).toEqual([{ decisionId, delayMs: expect.any(Number) }]);
    expect(t.finalizeRuns[0].delayMs).toBeGreaterThan(WINDOW_MS - 5_000);
  });

  it('undo within the window: the task is back in the same hand with a fresh lease, the undo is in the history, and a second decision is the only outcome', async () => {
    const { t, submission, task, leaseToken } = await decidedWithin();
    const first = (await t.decide(alice, task.id, { leaseToken })) as { decisionId: string };

    const back = await t.undo.execute(alice, first.decisionId);

    expect(back.task).toMatchObject({ id: task.id, leaseToken: expect.any(String) });
    expect(back.task.leaseToken).not.toBe(leaseToken);
    expect(back.submission.id).toBe(submission.id);
    expect(t.tasks.get(task.id)).toMatchObject({
      status: 'claimed',
      claimedBy: alice,
      leaseToken: back.task.leaseToken,
    });
    expect(t.pending.get(first.decisionId)).toMatchObject({ status: 'undone' });
    expect(t.submissions.history(submission.id)).toEqual([
      expect.objectContaining({
        type: 'review.undone',
        actor: `user:${alice}`,
        data: expect.objectContaining({ decisionId: first.decisionId, action: 'approve' }),
      }),
    ]);
    // The old lease is spent: only the fresh one decides.
    await expect(t.decide(alice, task.id, { leaseToken })).rejects.toMatchObject({
      code: ReviewErrorCode.LeaseLost,
    });
    const second = (await t.decide(alice, task.id, {
      leaseToken: back.task.leaseToken as string,
      action: 'reject',
      reasonCodes: ['tone'],
    })) as { decisionId: string };

    // Before the window ends the sweep finds nothing due; after, exactly the second decision.
    expect(await t.finalize.execute()).toBe(0);
    t.pending.elapse(WINDOW_MS);
    expect(await t.finalize.execute()).toBe(1);
    expect(await t.finalize.execute()).toBe(0);

    expect(t.submissions.get(submission.id)).toMatchObject({
      status: 'rejected',
      decision: { outcome: 'rejected', decidedBy: 'human', reviewers: [alice] },
    });
    expect(t.events.names).toEqual(['submission.rejected', 'submission.moved']);
    expect(t.decisions.of(task.id)).toEqual([
      expect.objectContaining({
        id: second.decisionId,
        reviewerId: alice,
        action: 'reject',
        reasonCodes: ['tone'],
      }),
    ]);
    expect(t.tasks.get(task.id)).toMatchObject({ status: 'decided', decidedAt: expect.any(Date) });
    expect(t.pending.get(second.decisionId)).toMatchObject({ status: 'final' });
    expect(t.pending.get(first.decisionId)).toMatchObject({ status: 'undone' });
  });

  it('an edit made final goes out with the edited output, the original kept beside it', async () => {
    const { t, submission, task, leaseToken } = await decidedWithin();
    const edited = { text: 'The capital of France is Paris, on the Seine.' };
    await t.decide(alice, task.id, { leaseToken, action: 'edit', editedOutput: edited });

    t.pending.elapse(WINDOW_MS);
    await t.finalize.execute();

    expect(t.submissions.get(submission.id)).toMatchObject({
      status: 'approved',
      decision: { edited: true, finalOutput: edited, originalOutput: ORIGINAL },
    });
    expect(t.decisions.of(task.id)).toEqual([
      expect.objectContaining({ action: 'edit', diff: expect.anything() }),
    ]);
  });

  it('after the window: 409 undo_window_closed, before and after the sweep made it final', async () => {
    const { t, task, leaseToken } = await decidedWithin();
    const { decisionId } = (await t.decide(alice, task.id, { leaseToken })) as {
      decisionId: string;
    };
    t.pending.elapse(WINDOW_MS);

    await expect(t.undo.execute(alice, decisionId)).rejects.toMatchObject({
      code: ReviewErrorCode.UndoWindowClosed,
      message: expect.stringContaining('its undo window has ended'),
    });
    expect(t.tasks.get(task.id)).toMatchObject({ status: 'undoable' });

    await t.finalize.execute();
    await expect(t.undo.execute(alice, decisionId)).rejects.toMatchObject({
      code: ReviewErrorCode.UndoWindowClosed,
    });
    expect(t.events.names).toEqual(['submission.approved', 'submission.moved']);
  });

  it("someone else's decision, or an unknown id: 404, and nothing changes", async () => {
    const { t, task, leaseToken } = await decidedWithin();
    const { decisionId } = (await t.decide(alice, task.id, { leaseToken })) as {
      decisionId: string;
    };

    for (const [user, id] of [
      [bob, decisionId],
      [alice, randomUUID()],
    ]) {
      await expect(t.undo.execute(user, id)).rejects.toMatchObject({
        code: ReviewErrorCode.DecisionNotFound,
      });
    }
    expect(t.pending.get(decisionId)).toMatchObject({ status: 'pending' });
    expect(t.tasks.get(task.id)).toMatchObject({ status: 'undoable' });
  });

  it('a second undo of the same decision: 409, already undone', async () => {
    const { t, task, leaseToken } = await decidedWithin();
    const { decisionId } = (await t.decide(alice, task.id, { leaseToken })) as {
      decisionId: string;
    };
    await t.undo.execute(alice, decisionId);

    await expect(t.undo.execute(alice, decisionId)).rejects.toMatchObject({
      code: ReviewErrorCode.UndoWindowClosed,
      message: expect.stringContaining('already undone'),
    });
  });

  it('a final decision made without a window is 409 for its reviewer, 404 for anyone else', async () => {
    const t = setUp();
    const { task } = await t.openTask();
    const leaseToken = await t.claimAs(alice, task.id);
    expect(await t.decide(alice, task.id, { leaseToken })).toEqual({
      result: 'decided',
      outcome: 'approved',
    });
    const [decision] = t.decisions.of(task.id);

    await expect(t.undo.execute(alice, decision.id)).rejects.toMatchObject({
      code: ReviewErrorCode.UndoWindowClosed,
    });
    await expect(t.undo.execute(bob, decision.id)).rejects.toMatchObject({
      code: ReviewErrorCode.DecisionNotFound,
    });
  });

  it('the submission expired while the decision waited: it lapses, nothing is recorded or published', async () => {
    const { t, submission, task, leaseToken } = await decidedWithin();
    const { decisionId } = (await t.decide(alice, task.id, { leaseToken })) as {
      decisionId: string;
    };
    await t.expire(submission.id);
    t.pending.elapse(WINDOW_MS);

    expect(await t.finalize.finalize(decisionId)).toBe('lapsed');

    expect(t.pending.get(decisionId)).toMatchObject({ status: 'lapsed' });
    expect(t.tasks.get(task.id)).toMatchObject({ status: 'expired' });
    expect(t.decisions.of(task.id)).toEqual([]);
    expect(t.events.names).toEqual(['submission.expired', 'submission.moved']);
  });

  it('consensus tasks and escalations are not held: the window applies to decisions that settle a task alone', async () => {
    const t = setUp({ undoWindow: '15s', consensus: 2 });
    const { task } = await t.openTask({ consensus: 2 });
    const leaseToken = await t.claimAs(alice, task.id);

    expect(await t.decide(alice, task.id, { leaseToken })).toEqual({
      result: 'waiting',
      have: 1,
      need: 2,
    });
    expect(t.finalizeRuns).toEqual([]);
  });
});
