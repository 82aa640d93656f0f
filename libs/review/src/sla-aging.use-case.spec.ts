import { Logger } from '@nestjs/common';
import type { AppConfig } from '@arbiter/config';
import { reviewTaskRow, submissionRow } from '@arbiter/testing';
import { reviewPolicy, reviewWorld } from './decide-task.fixture';
import { taskJobOf } from './review-dispatch.service';
import { SlaAging } from './sla-aging.use-case';

/** A submission in human review whose time to live has run out, with its open task. */
async function expiredWorld(onExpire: string) {
  const { db, submissions, policies, events, tasks, dispatch, notifier, workflow, escalator } =
    reviewWorld();
  const version = policies.add({ ...reviewPolicy({ onExpire }), ttl: '1h' });
  const submission = submissions.add(
    submissionRow({
      status: 'human_review',
      pipelineId: version.pipelineId,
      policyVersionId: version.id,
    }),
  );
  const task = tasks.add(reviewTaskRow({ submissionId: submission.id }));
  await dispatch.add(task.queue, taskJobOf(task));
  // What the SQL of the real repository selects: no aging due, this one task past its TTL.
  Object.assign(tasks, {
    ageSla: async () => ({ atRisk: [], breached: [] }),
    expired: async () => [tasks.get(task.id)],
  });
  const sla = new SlaAging(
    tasks.repository,
    submissions.repository,
    policies.catalog,
    workflow,
    escalator,
    dispatch.dispatch,
    notifier.notifier,
    db.dataSource,
    { review: { atRiskMarginMs: 60_000 } } as AppConfig,
  );
  return { sla, dispatch, events, submissions, submission };
}

describe('SlaAging: a time to live that ran out', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('the expiry committed in Postgres is published (its webhook recorded) although Redis refuses the job clean-up', async () => {
    const { sla, dispatch, events, submissions, submission } = await expiredWorld('reject');
    jest.spyOn(dispatch, 'finish').mockRejectedValue(new Error('Connection is closed.'));

    expect(await sla.execute()).toMatchObject({ expired: 1 });
    expect(submissions.get(submission.id)?.status).toBe('expired');
    expect(events.names).toEqual(['submission.expired', 'submission.moved']);
  });
});
