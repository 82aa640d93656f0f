import { expectEventually } from '@arbiter/testing';
import { FinalizePendingDecisions } from '@arbiter/review';
import { StatsRollup } from '@arbiter/stats';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, ReviewerClient, TaskView } from '../support/reviewer.client';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

interface RecentDecision {
  id: string;
  taskId: string;
  action: string;
  state: string;
  undoableUntil: string | null;
}

/** The undo window (policy review.undoWindow): what a reviewer, a webhook receiver and the stats see. */
describe('review: undo a decision within its window', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    arbiter = await ArbiterHarness.start({ config: { webhooks: testWebhookConfig() } });
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
    receiver.reset();
  });

  const usePolicy = (undoWindow: string) =>
    arbiter.putPolicy(
      'support',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'support', priority: 5, sla: '30m', reasonCodes: ['tone'], undoWindow },
      }),
    );
  const submit = async () => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ callbackUrl: receiver.url() }),
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(202);
    await expectEventually(async () => {
      const rows = await arbiter.db.query(
        `SELECT 1 FROM review_tasks WHERE submission_id = $1 AND status = 'pending'`,
        [res.body.id],
      );
      expect(rows).toHaveLength(1);
    });
    return res.body.id;
  };
  const mine = async (who: ReviewerClient) => {
    const res = await arbiter.http.get<{ decisions: RecentDecision[] }>(
      '/v1/review/decisions/mine?limit=5',
      { token: who.token },
    );
    expect(res.status).toBe(200);
    return res.body.decisions;
  };
  const undo = (who: ReviewerClient, decisionId: string) =>
    arbiter.http.post<TaskView & { code?: string; message?: string }>(
      `/v1/review/decisions/${decisionId}/undo`,
      {},
      { token: who.token },
    );
  const decide = async (who: ReviewerClient, task: TaskView, action: string, extra = {}) => {
    const ack = await who.decide(task, action, extra);
    expect(ack).toMatchObject({ ok: true, result: 'decided' });
    return ack as unknown as { decisionId: string; undoableUntil: string; outcome: string };
  };
  const finalOf = (decisionId: string) =>
    expectEventually(async () => {
      const [row] = await arbiter.db.query(
        `SELECT status FROM review_pending_decisions WHERE id = $1`,
        [decisionId],
      );
      expect(row.status).toBe('final');
    }, 20_000);

  it('undo within the window: the task is back in hand; decided again, the receiver gets exactly one webhook, with the second outcome', async () => {
    await usePolicy('4s');
    const submissionId = await submit();
    const rita = await reviewers.connect('rita@test.local');
    const claimed = (await rita.claim())!;

    const first = await decide(rita, claimed, 'approve');
    expect(Date.parse(first.undoableUntil)).toBeGreaterThan(Date.now());
    expect(await mine(rita)).toEqual([
      expect.objectContaining({
        id: first.decisionId,
        taskId: claimed.task.id,
        action: 'approve',
        state: 'pending',
        undoableUntil: first.undoableUntil,
      }),
    ]);

    const back = await undo(rita, first.decisionId);
    expect(back.status).toBe(200);
    expect(back.body.task).toMatchObject({ id: claimed.task.id, status: 'claimed' });
    expect(back.body.task.leaseToken).not.toBe(claimed.task.leaseToken);
    const held = await rita.send<TaskView[]>('held');
    expect((held.tasks as TaskView[]).map((t) => t.task.id)).toEqual([claimed.task.id]);

    const second = await decide(rita, back.body, 'reject', { reasonCodes: ['tone'] });
    await finalOf(second.decisionId);
    const [hook] = await receiver.waitFor(1);
    expect(JSON.parse(hook.body)).toMatchObject({
      type: 'submission.rejected',
      data: { id: submissionId },
    });
    // The delivery is the only one there will be: one outbox event, one decision on record.
    await arbiter.waitForQueuesIdle();
    expect(receiver.received).toHaveLength(1);
    expect(
      await arbiter.db.query(`SELECT type FROM delivery_events WHERE submission_id = $1`, [
        submissionId,
      ]),
    ).toEqual([{ type: 'submission.rejected' }]);
    expect(
      await arbiter.db.query(`SELECT id, action FROM review_decisions WHERE submission_id = $1`, [
        submissionId,
      ]),
    ).toEqual([{ id: second.decisionId, action: 'reject' }]);
    // The history keeps both: the undone decision and its undo, then the final one.
    expect(
      await arbiter.db.query(
        `SELECT id, status FROM review_pending_decisions WHERE submission_id = $1 ORDER BY created_at`,
        [submissionId],
      ),
    ).toEqual([
      { id: first.decisionId, status: 'undone' },
      { id: second.decisionId, status: 'final' },
    ]);
    expect(
      await arbiter.db.query(
        `SELECT type, to_status AS "to", actor FROM submission_events
          WHERE submission_id = $1 AND (type = 'review.undone' OR from_status = 'human_review') ORDER BY id`,
        [submissionId],
      ),
    ).toEqual([
      { type: 'review.undone', to: 'human_review', actor: `user:${rita.userId}` },
      { type: 'transition', to: 'rejected', actor: `user:${rita.userId}` },
    ]);
    // Counted once, as the decision that stood.
    await arbiter.worker!.get(StatsRollup).execute();
    expect(
      await arbiter.db.query(
        `SELECT label, count::int AS n FROM stats_reviewer
          WHERE grain = 't' AND reviewer_id = $1 AND metric = 'decision'`,
        [rita.userId],
      ),
    ).toEqual([{ label: 'reject', n: 1 }]);
    expect(await mine(rita)).toEqual([
      expect.objectContaining({ id: second.decisionId, state: 'final', undoableUntil: null }),
      expect.objectContaining({ id: first.decisionId, state: 'undone', undoableUntil: null }),
    ]);
  });

  it('after the window, once delivered: 409 undo_window_closed, and the task stays decided', async () => {
    await usePolicy('1s');
    await submit();
    const rita = await reviewers.connect('rita@test.local');
    const claimed = (await rita.claim())!;
    const decided = await decide(rita, claimed, 'approve');
    await finalOf(decided.decisionId);
    await receiver.waitFor(1);

    const late = await undo(rita, decided.decisionId);

    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'review.undo_window_closed',
      message: expect.stringContaining('cannot be undone'),
    });
    const [task] = await arbiter.db.query(`SELECT status FROM review_tasks WHERE id = $1`, [
      claimed.task.id,
    ]);
    expect(task.status).toBe('decided');
  });

  it("another reviewer's undo: 404, as for an unknown decision; the decision still goes out", async () => {
    await usePolicy('2s');
    await submit();
    const rita = await reviewers.connect('rita@test.local');
    const rob = await reviewers.connect('rob@test.local');
    const claimed = (await rita.claim())!;
    const decided = await decide(rita, claimed, 'approve');

    const theirs = await undo(rob, decided.decisionId);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ code: 'review.decision_not_found' });
    expect(await mine(rob)).toEqual([]);

    await finalOf(decided.decisionId);
    expect(JSON.parse((await receiver.waitFor(1))[0].body)).toMatchObject({
      type: 'submission.approved',
    });
  });

  it('an undo racing the end of the window: exactly one of them wins, every time', async () => {
    await usePolicy('10m');
    const finalize = arbiter.worker!.get(FinalizePendingDecisions);
    const rita = await reviewers.connect('rita@test.local');
    for (let round = 0; round < 4; round++) {
      const submissionId = await submit();
      const claimed = (await rita.claim())!;
      const decided = await decide(rita, claimed, 'approve');
      // The window ends in 100 ms; both start at about that moment, on two connections.
      await arbiter.db.query(
        `UPDATE review_pending_decisions SET final_at = clock_timestamp() + interval '100 milliseconds' WHERE id = $1`,
        [decided.decisionId],
      );
      await new Promise((r) => setTimeout(r, 95 + round * 5));
      const [undone, final] = await Promise.all([
        undo(rita, decided.decisionId),
        finalize.finalize(decided.decisionId),
      ]);
      const [pending] = await arbiter.db.query(
        `SELECT status FROM review_pending_decisions WHERE id = $1`,
        [decided.decisionId],
      );
      const [row] = await arbiter.db.query(
        `SELECT s.status, t.status AS task, (SELECT count(*)::int FROM review_decisions d WHERE d.submission_id = s.id) AS decisions
           FROM submissions s JOIN review_tasks t ON t.submission_id = s.id WHERE s.id = $1`,
        [submissionId],
      );
      if (undone.status === 200) {
        expect(final).toBe('not_due');
        expect([pending.status, row]).toEqual([
          'undone',
          { status: 'human_review', task: 'claimed', decisions: 0 },
        ]);
        await decide(rita, undone.body, 'approve');
      } else {
        expect([undone.status, undone.body.code]).toEqual([409, 'review.undo_window_closed']);
        // The sweep may have been first, or this call: either way it is final once.
        if (final === 'not_due') await finalize.finalize(decided.decisionId);
        const [after] = await arbiter.db.query(
          `SELECT status FROM review_pending_decisions WHERE id = $1`,
          [decided.decisionId],
        );
        expect(after.status).toBe('final');
        expect(
          (
            await arbiter.db.query(
              `SELECT count(*)::int AS n FROM review_decisions WHERE submission_id = $1`,
              [submissionId],
            )
          )[0].n,
        ).toBe(1);
      }
    }
  });

  it.each([
    ['/v1/review/decisions/mine?limit=0', 'get', /limit must be an integer from 1 to 50/],
    ['/v1/review/decisions/mine?limit=51', 'get', /limit must be an integer from 1 to 50/],
    ['/v1/review/decisions/not-a-uuid/undo', 'post', /uuid|UUID/],
  ])('%s: 400 naming the problem', async (path, method, message) => {
    const rita = await reviewers.connect('rita@test.local');
    const res =
      method === 'get'
        ? await arbiter.http.get<{ message: string }>(path, { token: rita.token })
        : await arbiter.http.post<{ message: string }>(path, {}, { token: rita.token });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });
});
