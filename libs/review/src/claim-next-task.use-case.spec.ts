import { randomUUID } from 'node:crypto';
import {
  InMemoryDatabase,
  InMemoryPolicies,
  InMemoryReviewDecisions,
  InMemoryReviewDispatch,
  InMemoryReviewQueues,
  InMemoryReviewTasks,
  InMemorySubmissions,
  RecordingReviewNotifier,
  reviewTaskRow,
  submissionRow,
  testConfig,
} from '@arbiter/testing';
import { ClaimNextTask } from './claim-next-task.use-case';
import { taskJobOf } from './review-dispatch.service';
import { ReviewErrorCode } from './review.errors';
import { ReviewTaskRow } from './repositories/review-task.repository';
import { TaskViewBuilder } from './task-view.service';

const LEASE_MS = 90_000;
const MINUTE = 60_000;

function setUp() {
  const db = new InMemoryDatabase();
  const submissions = new InMemorySubmissions(db);
  const policies = new InMemoryPolicies();
  const decisions = new InMemoryReviewDecisions(db);
  const tasks = new InMemoryReviewTasks(db, submissions, decisions);
  const queues = new InMemoryReviewQueues();
  const dispatch = new InMemoryReviewDispatch();
  const notifier = new RecordingReviewNotifier();
  const config = testConfig('postgres://127.0.0.1/unused', 'unit');
  const useCase = new ClaimNextTask(
    queues.repository,
    tasks.repository,
    dispatch.dispatch,
    notifier.notifier,
    new TaskViewBuilder(submissions.repository, policies.catalog),
    { ...config, review: { ...config.review, leaseMs: LEASE_MS } },
  );
  const version = policies.add({
    pipeline: 'support',
    signals: { grounding: { weight: 1 } },
    validators: [],
    thresholds: { autoApprove: 1, aiReview: 1 },
    review: { queue: 'support', priority: 5, reasonCodes: ['wrong-facts', 'tone'] },
  });

  /** A submission in human review with a pending task in `queue`, its job waiting in dispatch. */
  async function waiting(queue: string, task: Partial<ReviewTaskRow> = {}): Promise<ReviewTaskRow> {
    const submission = submissions.add(
      submissionRow({
        status: 'human_review',
        pipelineId: version.pipelineId,
        policyVersionId: version.id,
      }),
    );
    const row = tasks.add(reviewTaskRow({ submissionId: submission.id, queue, ...task }));
    await dispatch.add(queue, taskJobOf(row));
    return row;
  }

  return {
    tasks,
    queues,
    dispatch,
    decisions,
    notifier,
    waiting,
    claim: (userId: string, only?: string[]) => useCase.execute(userId, only),
  };
}

describe('ClaimNextTask', () => {
  it('claims the most urgent task across the reviewer’s own queues, with a lease and the evidence', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support', 'billing');
    await t.waiting('support', { priority: 5 });
    const urgent = await t.waiting('billing', { priority: 2 });
    await t.waiting('legal', { priority: 1 }); // more urgent, but not alice's queue
    const before = Date.now();

    const view = await t.claim(alice);

    expect(view?.task).toMatchObject({ id: urgent.id, queue: 'billing', status: 'claimed' });
    expect(view?.task.leaseToken).toMatch(new RegExp(`^${alice}\\.`));
    const leaseEnds = Date.parse(view?.task.leaseExpiresAt ?? '');
    expect(leaseEnds).toBeGreaterThanOrEqual(before + LEASE_MS);
    expect(leaseEnds).toBeLessThanOrEqual(Date.now() + LEASE_MS);
    expect(view?.submission).toMatchObject({
      id: urgent.submissionId,
      pipeline: 'support',
      output: { text: 'The capital of France is Paris.' },
    });
    expect(view?.reasonCodes).toEqual(['wrong-facts', 'tone']);
    expect(t.tasks.get(urgent.id)).toMatchObject({
      status: 'claimed',
      claimedBy: alice,
      leaseToken: view?.task.leaseToken,
    });
    expect(t.dispatch.active('billing')).toEqual([urgent.id]);
    expect(t.notifier.countsChangedFor).toEqual(['billing']);
  });

  it('takes tasks by priority, then deadline, then age, and never the same task twice', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support', 'billing');
    const now = Date.now();
    const later = await t.waiting('support', { priority: 3, dueAt: new Date(now + 30 * MINUTE) });
    const sooner = await t.waiting('billing', { priority: 3, dueAt: new Date(now + 10 * MINUTE) });
    const lowest = await t.waiting('billing', { priority: 7, dueAt: new Date(now + MINUTE) });
    const top = await t.waiting('support', { priority: 1, dueAt: new Date(now + 60 * MINUTE) });

    const order: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) order.push((await t.claim(alice))?.task.id);

    expect(order).toEqual([top.id, sooner.id, later.id, lowest.id, undefined]);
  });

  it('between equally urgent tasks of two queues, takes the older one first', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support', 'billing');
    const dueAt = new Date(Date.now() + 30 * MINUTE);
    const newer = await t.waiting('support', { dueAt, createdAt: new Date(Date.now() - MINUTE) });
    const older = await t.waiting('billing', {
      dueAt,
      createdAt: new Date(Date.now() - 5 * MINUTE),
    });

    expect((await t.claim(alice))?.task.id).toBe(older.id);
    expect((await t.claim(alice))?.task.id).toBe(newer.id);
  });

  it('returns null when nothing waits in the reviewer’s queues', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support');
    expect(await t.claim(alice)).toBeNull();

    await t.waiting('legal');
    expect(await t.claim(alice)).toBeNull();
    expect(t.dispatch.waiting('legal')).toHaveLength(1);
  });

  it('a reviewer without queues gets nothing', async () => {
    const t = setUp();
    await t.waiting('support');
    expect(await t.claim(randomUUID())).toBeNull();
  });

  it('claims only from the queues asked for, when the reviewer names some', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support', 'billing');
    await t.waiting('support', { priority: 1 });
    const billing = await t.waiting('billing', { priority: 5 });

    expect((await t.claim(alice, ['billing']))?.task.id).toBe(billing.id);
    expect(await t.claim(alice, ['billing'])).toBeNull();
  });

  it('refuses a queue the reviewer is not a member of with review.not_your_queue, claiming nothing', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support');
    const task = await t.waiting('support');
    await t.waiting('legal');

    await expect(t.claim(alice, ['support', 'legal'])).rejects.toMatchObject({
      code: ReviewErrorCode.NotYourQueue,
      message: expect.stringContaining('"legal"'),
    });
    expect(t.tasks.get(task.id)?.status).toBe('pending');
    expect(t.dispatch.waiting('support')).toEqual([task.id]);
  });

  it('skips a consensus task the reviewer already decided and leaves it for the next reviewer', async () => {
    const t = setUp();
    const [alice, bob] = [randomUUID(), randomUUID()];
    t.queues.join(alice, 'support');
    t.queues.join(bob, 'support');
    const shared = await t.waiting('support', { priority: 1, consensus: 2 });
    const other = await t.waiting('support', { priority: 5 });
    await t.decisions.insert({
      id: randomUUID(),
      taskId: shared.id,
      submissionId: shared.submissionId,
      reviewerId: alice,
      action: 'approve',
      reasonCodes: [],
      comment: null,
      editedOutput: null,
      diff: null,
      handlingMs: 1000,
    });

    expect((await t.claim(alice))?.task.id).toBe(other.id);
    expect(t.tasks.get(shared.id)?.status).toBe('pending');
    expect(t.dispatch.waiting('support')).toEqual([shared.id]);
    expect((await t.claim(bob))?.task.id).toBe(shared.id);
  });

  it('drops a job whose task was closed meanwhile and claims the next one', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support');
    const closed = await t.waiting('support', { priority: 1 });
    await t.tasks.close(closed.id, 'expired');
    const next = await t.waiting('support', { priority: 5 });

    expect((await t.claim(alice))?.task.id).toBe(next.id);
    expect(t.dispatch.jobOf('support', closed.id)).toBeUndefined();
  });

  it('leaves a job alone whose task another reviewer holds (their lease, not a stale job)', async () => {
    const t = setUp();
    const [alice, bob] = [randomUUID(), randomUUID()];
    t.queues.join(alice, 'support');
    // Postgres has bob's claim; Redis lost the job's lock and shows it waiting again.
    const held = await t.waiting('support', {
      status: 'claimed',
      claimedBy: bob,
      leaseToken: `${bob}.1`,
      leaseExpiresAt: new Date(Date.now() + MINUTE),
    });

    expect(await t.claim(alice)).toBeNull();
    expect(t.tasks.get(held.id)).toMatchObject({ status: 'claimed', claimedBy: bob });
    expect(t.dispatch.jobOf('support', held.id)).toBeDefined();
  });

  it('offers a task needing a skill only to a reviewer with it; the others get the next task', async () => {
    const t = setUp();
    const [somchai, alice] = [randomUUID(), randomUUID()];
    t.queues.join(somchai, 'support');
    t.queues.join(alice, 'support');
    t.queues.teach(somchai, 'th');
    const thai = await t.waiting('support', { priority: 1, requiredSkills: ['th'] });
    const english = await t.waiting('support', { priority: 5 });

    expect((await t.claim(alice))?.task.id).toBe(english.id);
    expect(t.tasks.get(thai.id)?.status).toBe('pending');
    expect(t.dispatch.waiting('support')).toEqual([thai.id]);
    expect(await t.claim(alice)).toBeNull();
    const claimed = await t.claim(somchai);
    expect(claimed?.task).toMatchObject({
      id: thai.id,
      requiredSkills: ['th'],
      skillFallback: false,
    });
  });

  it('offers it to anyone of the queue once its skill fallback is due, flagged', async () => {
    const t = setUp();
    const alice = randomUUID();
    t.queues.join(alice, 'support');
    const waiting = await t.waiting('support', {
      requiredSkills: ['th'],
      skillFallbackAt: new Date(Date.now() + MINUTE),
    });
    expect(await t.claim(alice)).toBeNull();
    const due = await t.waiting('support', {
      requiredSkills: ['th'],
      skillFallbackAt: new Date(Date.now() - 1),
    });
    const claimed = await t.claim(alice);
    expect(claimed?.task).toMatchObject({ id: due.id, skillFallback: true });
    expect(t.tasks.get(waiting.id)?.status).toBe('pending');
  });
});
