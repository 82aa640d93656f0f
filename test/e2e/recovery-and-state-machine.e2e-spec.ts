import { jobIds, QueueName } from '@arbiter/queue';
import { expectEventually } from '@arbiter/testing';
import { SubmissionWorkflow, WorkflowErrorCode } from '@arbiter/workflow';
import { RecoverUnsettled } from '@arbiter/intake';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

const STUCK_AFTER_MS = 8_000;

describe('recovery of lost jobs, and the state machine guarding every change', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    // stuckAfterMs short so a lost job is noticed within the test, yet long enough that a worker
    // started on a loaded machine still finds the submission too young; the scheduler itself is
    // slow, the test runs recovery directly so it decides when.
    arbiter = await ArbiterHarness.start({
      config: {
        worker: {
          stuckAfterMs: STUCK_AFTER_MS,
          recoveryEveryMs: 3_600_000,
          scoreConcurrency: 4,
          metricsPort: 0,
        },
      },
    });
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    await arbiter.putPolicy('support', policy());
  });

  const status = async (id: string) =>
    (await arbiter.db.query(`SELECT status FROM submissions WHERE id = $1`, [id]))[0]
      .status as string;

  it('a submission whose job was lost from Redis is routed after recovery, exactly once', async () => {
    // Stop scoring, accept a submission, then lose its job as a Redis restart would.
    const worker = arbiter.worker!;
    await worker.close();
    arbiter.worker = undefined;
    const acceptedAt = Date.now();
    const res = await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
      token: arbiter.bootstrapKey,
    });
    const queue = arbiter.producer.queue(QueueName.Score);
    await (await queue.getJob(jobIds.score(res.body.id)))!.remove();
    expect(await queue.getJob(jobIds.score(res.body.id))).toBeUndefined();

    // Too young to be considered stuck: recovery leaves it alone.
    const { createWorkerApp } = await import('../../apps/worker/src/worker-app.factory');
    arbiter.worker = await createWorkerApp(arbiter.config);
    const recover = arbiter.worker.get(RecoverUnsettled);
    expect((await recover.execute()).requeued).toBe(0);

    const oldEnough = acceptedAt + STUCK_AFTER_MS + 100 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, oldEnough)));
    expect(await recover.execute()).toEqual({ checked: 1, requeued: 1 });
    await expectEventually(async () => expect(await status(res.body.id)).toBe('approved'), 20_000);

    // A second pass finds nothing to do, and the timeline shows one scoring only.
    expect((await recover.execute()).checked).toBe(0);
    const events = await arbiter.db.query(
      `SELECT type, to_status FROM submission_events WHERE submission_id = $1 ORDER BY id`,
      [res.body.id],
    );
    expect(events).toEqual([
      { type: 'transition', to_status: 'received' },
      { type: 'recovery.requeued', to_status: 'received' },
      { type: 'transition', to_status: 'scoring' },
      { type: 'transition', to_status: 'approved' },
    ]);
  });

  it('a duplicate score job finds the state already moved and changes nothing', async () => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions?wait=5000',
      submissionBody(),
      { token: arbiter.bootstrapKey },
    );
    expect(await status(res.body.id)).toBe('approved');
    const queue = arbiter.producer.queue(QueueName.Score);
    await queue.add('score', { submissionId: res.body.id }, { jobId: `dup-${res.body.id}` });
    await arbiter.waitForQueuesIdle();
    const [{ count }] = await arbiter.db.query(
      `SELECT count(*)::int AS count FROM submission_events WHERE submission_id = $1`,
      [res.body.id],
    );
    expect(count).toBe(3);
  });

  it('an illegal transition is refused and a final state never changes', async () => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions?wait=5000',
      submissionBody(),
      { token: arbiter.bootstrapKey },
    );
    const workflow = arbiter.api.get(SubmissionWorkflow);
    await expect(
      workflow.transition({
        submissionId: res.body.id,
        path: ['approved', 'rejected'],
        actor: 'test',
      }),
    ).rejects.toMatchObject({ code: WorkflowErrorCode.InvalidTransition });
    await expect(
      workflow.transition({
        submissionId: res.body.id,
        path: ['received', 'approved'],
        actor: 'test',
      }),
    ).rejects.toMatchObject({ code: WorkflowErrorCode.InvalidTransition });
    // Legal in the abstract but stale for this row (it is approved, not in human_review): ignored.
    expect(
      await workflow.transition({
        submissionId: res.body.id,
        path: ['human_review', 'rejected'],
        actor: 'test',
      }),
    ).toBe(false);
    expect(await status(res.body.id)).toBe('approved');
  });

  it('the database refuses a status outside the state machine', async () => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions?wait=5000',
      submissionBody(),
      { token: arbiter.bootstrapKey },
    );
    await expect(
      arbiter.db.query(`UPDATE submissions SET status = 'maybe' WHERE id = $1`, [res.body.id]),
    ).rejects.toThrow(/ck_submissions_status/);
  });
});
