import { randomUUID } from 'node:crypto';
import { ScoreStageMetrics } from '@arbiter/intake';
import { PolicyCatalog, SubmissionRepository } from '@arbiter/workflow';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

/**
 * The score stage in groups: jobs running at once share one read and one transaction, whose one
 * statement fences each row on its own state. The window is wide here (the default is 2 ms) so
 * that jobs enqueued together surely meet on a loaded machine; the worker's metrics prove they
 * did, so these tests cannot pass by applying every route alone.
 */
describe('Score stage groups', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      config: { worker: { scoreBatchWindowMs: 200, scoreBatchMax: 100 } },
    });
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    await arbiter.putPolicy('support', policy());
  });

  const groupFigures = async () => {
    const metric = await arbiter.worker!.get(ScoreStageMetrics).groupRows.get();
    const value = (name: string) => metric.values.find((v) => v.metricName === name)?.value ?? 0;
    return {
      groups: value('arbiter_score_group_rows_count'),
      rows: value('arbiter_score_group_rows_sum'),
    };
  };

  it('submissions scored at once are routed by shared transactions, each once, each with its outbox event', async () => {
    const before = await groupFigures();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
          token: arbiter.bootstrapKey,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(202));
    await arbiter.waitForQueuesIdle();

    const after = await groupFigures();
    expect(after.rows - before.rows).toBe(12);
    expect(after.groups - before.groups).toBeLessThan(12);

    const ids = results.map((r) => r.body.id);
    const rows: { id: string; status: string; transitions: string[]; outbox: number }[] =
      await arbiter.db.query(
        `SELECT s.id, s.status,
                (SELECT array_agg(e.to_status ORDER BY e.id) FROM submission_events e
                  WHERE e.submission_id = s.id AND e.type = 'transition') AS transitions,
                (SELECT count(*)::int FROM delivery_events d WHERE d.submission_id = s.id) AS outbox
           FROM submissions s WHERE s.id = ANY($1)`,
        [ids],
      );
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row).toMatchObject({
        status: 'approved',
        transitions: ['received', 'scoring', 'approved'],
        outbox: 1,
      });
    }
  });

  it('one statement moves each row only from its own state: a stale or repeated transition changes nothing', async () => {
    const repository = arbiter.api.get(SubmissionRepository);
    const catalog = arbiter.api.get(PolicyCatalog);
    // Rows in `received` with no score job: the worker leaves them to this test.
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const rows = await Promise.all(
      ids.map(async (id) => {
        const version = (await catalog.versionForSubmission('support', id))!;
        return {
          id,
          clientId: (await arbiter.db.query(`SELECT client_id FROM api_keys LIMIT 1`))[0]
            .client_id as string,
          pipelineId: version.pipelineId,
          policyVersionId: version.id,
          externalId: null,
          idempotencyKey: null,
          requestHash: 'h',
          input: { prompt: 'p' },
          output: { text: 'o' },
          model: { provider: 'x', name: 'y' },
          promptVersion: null,
          metadata: null,
          callbackUrl: null,
        };
      }),
    );
    expect((await repository.insertReceivedMany(rows)).size).toBe(3);
    const [a, b, c] = ids;
    const step = (id: string, from: string, to: string, confidence?: number) => ({
      id,
      from,
      to,
      patch: confidence === undefined ? {} : { confidence },
      events: [{ type: 'transition', fromStatus: from, toStatus: to, actor: 'test' }],
    });

    const moved = await repository.applyTransitions([
      step(a, 'received', 'scoring', 0.25),
      step(b, 'received', 'scoring'),
      step(a, 'received', 'scoring', 0.75),
      step(c, 'scoring', 'human_review'),
    ]);

    expect(moved.map((r) => r?.id ?? null)).toEqual([a, b, null, null]);
    expect(moved[0]).toMatchObject({ status: 'scoring', confidence: 0.25 });
    const states: { id: string; status: string; confidence: number | null; events: number }[] =
      await arbiter.db.query(
        `SELECT s.id, s.status, s.confidence,
                (SELECT count(*)::int FROM submission_events e
                  WHERE e.submission_id = s.id AND e.actor = 'test') AS events
           FROM submissions s WHERE s.id = ANY($1)`,
        [ids],
      );
    const byId = new Map(states.map((s) => [s.id, s]));
    expect(byId.get(a)).toMatchObject({ status: 'scoring', confidence: 0.25, events: 1 });
    expect(byId.get(b)).toMatchObject({ status: 'scoring', events: 1 });
    expect(byId.get(c)).toMatchObject({ status: 'received', events: 0 });
  });
});
