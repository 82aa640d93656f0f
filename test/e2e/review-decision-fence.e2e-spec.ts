import { ReviewTaskRepository } from '@arbiter/review';
import { expectEventually } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers, ReviewerClient, TaskView } from '../support/reviewer.client';

// A single-reviewer decision closes the task and records itself in one fenced statement, then
// moves the submission; these are the ways that write must refuse, and leave nothing behind.
describe('human review: the fenced decision of a single reviewer', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
  });

  const claimOne = async (): Promise<{
    alice: ReviewerClient;
    task: TaskView;
    submissionId: string;
  }> => {
    const submissionId = (
      await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
        token: arbiter.bootstrapKey,
      })
    ).body.id;
    await expectEventually(async () =>
      expect(
        await arbiter.db.query(`SELECT 1 FROM review_tasks WHERE submission_id = $1`, [
          submissionId,
        ]),
      ).toHaveLength(1),
    );
    const alice = await reviewers.connect('alice@test.local');
    const task = (await alice.claim())!;
    expect(task.submission.id).toBe(submissionId);
    return { alice, task, submissionId };
  };
  const taskRow = async (id: string) =>
    (
      await arbiter.db.query(
        `SELECT status, claimed_by, lease_token FROM review_tasks WHERE id = $1`,
        [id],
      )
    )[0];
  const decisionsOf = (taskId: string) =>
    arbiter.db.query(
      `SELECT reviewer_id, action, reason_codes, handling_ms FROM review_decisions WHERE task_id = $1`,
      [taskId],
    );

  it('refuses a wrong token, another user, a lapsed lease and a used one; records exactly one decision', async () => {
    const { alice, task } = await claimOne();
    const tasks = arbiter.api.get(ReviewTaskRepository);
    const lease = { taskId: task.task.id, userId: alice.userId, token: task.task.leaseToken };
    const decision = () => ({
      id: randomUUID(),
      action: 'reject' as const,
      reasonCodes: ['off'],
      comment: null,
      editedOutput: null,
      diff: null,
    });

    expect(
      await tasks.closeWithDecision({ ...lease, token: `${alice.userId}.other` }, decision()),
    ).toBeNull();
    expect(
      await tasks.closeWithDecision({ ...lease, userId: randomUUID() }, decision()),
    ).toBeNull();
    await arbiter.db.query(
      `UPDATE review_tasks SET lease_expires_at = now() - interval '1 second' WHERE id = $1`,
      [lease.taskId],
    );
    expect(await tasks.closeWithDecision(lease, decision())).toBeNull();
    expect(await decisionsOf(lease.taskId)).toEqual([]);
    expect(await taskRow(lease.taskId)).toMatchObject({
      status: 'claimed',
      lease_token: lease.token,
    });

    await arbiter.db.query(
      `UPDATE review_tasks SET lease_expires_at = now() + interval '1 minute' WHERE id = $1`,
      [lease.taskId],
    );
    const closed = await tasks.closeWithDecision(lease, decision());
    expect(closed).toMatchObject({ id: lease.taskId, status: 'decided', leaseToken: null });
    expect(await tasks.closeWithDecision(lease, decision())).toBeNull();
    const recorded = await decisionsOf(lease.taskId);
    expect(recorded).toEqual([
      {
        reviewer_id: alice.userId,
        action: 'reject',
        reason_codes: ['off'],
        handling_ms: expect.any(Number),
      },
    ]);
    expect(recorded[0].handling_ms).toBeGreaterThanOrEqual(0);
  });

  it('a decision on a submission that left human_review meanwhile gets 409 and leaves the task held, with no decision', async () => {
    const { alice, task, submissionId } = await claimOne();
    // As if the submission's expiry had committed between the reviewer's claim and decision.
    await arbiter.db.query(`UPDATE submissions SET status = 'expired' WHERE id = $1`, [
      submissionId,
    ]);
    expect(await alice.decide(task, 'approve')).toMatchObject({
      ok: false,
      error: { status: 409 },
    });
    expect(await decisionsOf(task.task.id)).toEqual([]);
    expect(await taskRow(task.task.id)).toMatchObject({
      status: 'claimed',
      claimed_by: alice.userId,
    });
  });

  it('a decision racing the lease being taken back waits for it, then is refused with 409', async () => {
    const { alice, task, submissionId } = await claimOne();
    const other = new Client({ connectionString: arbiter.config.databaseUrl });
    await other.connect();
    try {
      // Lease recovery (or a release) holds the row: the decision must wait and then see it gone.
      await other.query('BEGIN');
      await other.query(
        `UPDATE review_tasks SET status = 'pending', claimed_by = NULL, lease_token = NULL, lease_expires_at = NULL WHERE id = $1`,
        [task.task.id],
      );
      const decided = alice.decide(task, 'approve');
      await expectEventually(async () => {
        const waiting = await arbiter.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%review_decisions%'`,
        );
        expect(waiting.length).toBeGreaterThan(0);
      });
      await other.query('COMMIT');
      expect(await decided).toMatchObject({ ok: false, error: { status: 409 } });
    } finally {
      await other.end();
    }
    expect(await decisionsOf(task.task.id)).toEqual([]);
    expect((await taskRow(task.task.id)).status).toBe('pending');
    expect(
      (await arbiter.db.query(`SELECT status FROM submissions WHERE id = $1`, [submissionId]))[0]
        .status,
    ).toBe('human_review');
  });
});
