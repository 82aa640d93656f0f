import { AutomationRollout } from '@arbiter/oversight';
import { expectEventually } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

/**
 * The rollout lets out a share of the score stage's automatic approvals, so only audits of those
 * approvals are evidence for its next step: audits of the AI reviewer's approvals (sampled at
 * their own, often higher, rate) say nothing about them and must not make it climb.
 */
describe('oversight: the rollout climbs on audits of the approvals it gates', () => {
  let arbiter: ArbiterHarness;

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    await arbiter.stop();
  });

  it('does not climb on audits of AI approvals, and does on audits of automatic ones', async () => {
    await arbiter.reset();
    await arbiter.putPolicy(
      'support',
      policy({ rollout: { steps: [0.05, 1], minAudits: 3, targetError: 0.9 } }),
    );
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await arbiter.http.post<{ id: string }>(
        '/v1/submissions',
        submissionBody({ externalId: `rp-${i}` }),
        { token: arbiter.bootstrapKey },
      );
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    // Held items wait for people: their review tasks carry the audit rows written below.
    const tasks = await expectEventually(async () => {
      const rows: {
        taskId: string;
        submissionId: string;
        pipelineId: string;
        versionId: string;
      }[] = await arbiter.db.query(
        `SELECT t.id AS "taskId", s.id AS "submissionId", s.pipeline_id AS "pipelineId", s.policy_version_id AS "versionId"
             FROM review_tasks t JOIN submissions s ON s.id = t.submission_id WHERE s.id = ANY($1)`,
        [ids],
      );
      expect(rows.length).toBeGreaterThanOrEqual(6);
      return rows;
    }, 30_000);
    const { pipelineId, versionId } = tasks[0];
    const auditOf = (t: (typeof tasks)[number], approvedBy: 'auto' | 'ai') =>
      arbiter.db.query(
        `INSERT INTO qa_audits (id, task_id, submission_id, pipeline_id, policy_version_id, approved_by, sample_rate, overturned, reason_codes, reviewer_id)
         VALUES ($1, $2, $3, $4, $5, $6, 1, false, '{}', $7)`,
        [randomUUID(), t.taskId, t.submissionId, pipelineId, versionId, approvedBy, randomUUID()],
      );
    const rollout = arbiter.worker!.get(AutomationRollout);

    for (const t of tasks.slice(0, 3)) await auditOf(t, 'ai');
    expect(await rollout.evaluate(pipelineId, versionId, 'closed')).toBeNull();
    expect((await rollout.status(pipelineId)).step).toBe(0);

    for (const t of tasks.slice(3, 6)) await auditOf(t, 'auto');
    expect(await rollout.evaluate(pipelineId, versionId, 'closed')).toMatchObject({
      from: 0,
      to: 1,
      figures: { audits: 3 },
    });
  });
});
