import { loadConfig } from '@arbiter/config';
import { RecoverRegressionRuns, RegressionRunRepository } from '@arbiter/datasets';
import { createRedisConnection, jobIds, QueueName, queuePrefix } from '@arbiter/queue';
import { expectEventually } from '@arbiter/testing';
import { Worker } from 'bullmq';
import { createWorkerApp } from '../../apps/worker/src/worker-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers } from '../support/reviewer.client';

interface Run {
  id: string;
  status: string;
  items: number;
  passed: number;
  errored: number;
  verdict: string | null;
  error: string | null;
}
interface RunReport {
  run: Run;
  items: { itemId: string; status: string; reason: string }[];
}

/** The approved answer of every item, uploaded as every item's candidate: a run that passes. */
const ANSWER = String((submissionBody().output as { text: string }).text);
/** What a worker that died after judging one item had recorded for it. */
const BEFORE_THE_CRASH = 'judged before the worker died';

/**
 * A regression run survives its worker dying: the restarted worker resumes it where it stopped
 * (the items already judged are kept, not judged again); a run whose job was lost is resumed by
 * the recovery job; a run that keeps stopping is failed with the reason, never left running and
 * never counted as passed.
 */
describe('regression runs across worker restarts', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  let datasetId: string;
  let itemIds: string[];

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      config: {
        // A dead worker's lock runs out in a second; the recovery is run by the test.
        worker: { jobLockMs: 1000, stuckAfterMs: 1000, recoveryEveryMs: 3_600_000, metricsPort: 0 },
        // One item a page: a resumed run walks past the judged item across pages.
        datasets: {
          ...loadConfig({}).datasets,
          maxRunResumes: 1,
          collectEveryMs: 3_600_000,
          itemPageSize: 1,
        },
      },
    });
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    const rita = await reviewers.connect('rita@example.com');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
        token: arbiter.bootstrapKey,
      });
      ids.push(res.body.id);
      const task = await expectEventually(async () => {
        const claimed = await rita.claim();
        expect(claimed).not.toBeNull();
        return claimed!;
      }, 20_000);
      expect((await rita.decide(task, 'approve')).ok).toBe(true);
    }
    const [{ client }] = await arbiter.db.query(
      `SELECT client_id AS client FROM submissions WHERE id = $1`,
      [ids[0]],
    );
    const admin = { token: await arbiter.adminAccessToken() };
    const dataset = await arbiter.http.post<{ id: string }>(
      '/v1/datasets',
      { pipeline: 'support', client, name: 'golden' },
      admin,
    );
    datasetId = dataset.body.id;
    await arbiter.http.post(`/v1/datasets/${datasetId}/items`, { submissionIds: ids }, admin);
    const items = await arbiter.http.get<{ items: { id: string }[] }>(
      `/v1/datasets/${datasetId}/items`,
      admin,
    );
    itemIds = items.body.items.map((i) => i.id);
    expect(itemIds).toHaveLength(3);
  }, 90_000);

  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });

  const admin = async () => ({ token: await arbiter.adminAccessToken() });
  const report = async (runId: string) =>
    (await arbiter.http.get<RunReport>(`/v1/datasets/${datasetId}/runs/${runId}`, await admin()))
      .body;
  const stopWorker = async () => {
    await arbiter.worker?.close();
    arbiter.worker = undefined;
  };
  const startWorker = async () => {
    arbiter.worker = await createWorkerApp(arbiter.config);
  };
  const regressionQueue = () => arbiter.producer.queue(QueueName.Regression);

  /** A run of uploaded candidates (each item's approved answer), queued while no worker runs. */
  const queueRun = async (): Promise<string> => {
    const res = await arbiter.http.post<Run>(
      `/v1/datasets/${datasetId}/runs`,
      { candidates: itemIds.map((itemId) => ({ itemId, text: ANSWER })) },
      await admin(),
    );
    expect(res.status).toBe(202);
    return res.body.id;
  };

  /** What a worker had done when it died: the run marked running and its first item judged. */
  const judgedOneItem = async (runId: string) => {
    const runs = arbiter.api.get(RegressionRunRepository);
    expect(await runs.start(runId)).not.toBeNull();
    const [{ pipeline }] = await arbiter.db.query(
      `SELECT pipeline_id AS pipeline FROM datasets WHERE id = $1`,
      [datasetId],
    );
    await runs.recordResult(runId, pipeline, {
      itemId: itemIds[0],
      status: 'passed',
      candidate: { text: ANSWER },
      route: 'approve',
      confidence: 1,
      similarity: 1,
      reason: BEFORE_THE_CRASH,
      provider: null,
      model: null,
      costUsd: 0,
    });
  };

  beforeEach(stopWorker);
  afterEach(async () => {
    if (!arbiter.worker) await startWorker();
  });

  it('a worker killed mid-run: the restarted worker resumes the run and does not judge again what was judged', async () => {
    const runId = await queueRun();
    // The dying worker: takes the job (its lock is never extended, as after kill -9), judges
    // one item, and is gone.
    const connection = createRedisConnection(arbiter.config, 'worker');
    const dead = new Worker(QueueName.Regression, null, {
      connection,
      prefix: queuePrefix(arbiter.config.redisPrefix, QueueName.Regression),
      lockDuration: 1000,
    });
    const job = await dead.getNextJob('worker-killed-mid-run');
    expect(job?.id).toBe(jobIds.regression(runId));
    await judgedOneItem(runId);
    await dead.close();
    connection.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await report(runId)).run.status).toBe('running');

    await startWorker();
    const done = await expectEventually(async () => {
      const r = await report(runId);
      expect(r.run.status).toBe('completed');
      return r;
    }, 30_000);
    expect(done.run).toMatchObject({ items: 3, passed: 3, errored: 0, verdict: 'passed' });
    expect(done.items.filter((i) => i.reason === BEFORE_THE_CRASH)).toHaveLength(1);
  });

  it('a run whose job was lost with Redis is resumed by the recovery job, exactly once', async () => {
    // The recovery is run by hand, in the api's process, before a worker is back: it decides
    // alone (a worker's own recovery, scheduled at its start, would race this test).
    const recover = arbiter.api.get(RecoverRegressionRuns);
    const runId = await queueRun();
    await (await regressionQueue().getJob(jobIds.regression(runId)))!.remove();
    await judgedOneItem(runId);
    // Too young to be called stuck: a run that just made progress is left alone.
    expect((await recover.execute()).resumed).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await recover.execute()).toEqual({ checked: 1, resumed: 1, failed: 0 });
    // Its job is back: another pass leaves it to the worker.
    expect(await recover.execute()).toEqual({ checked: 1, resumed: 0, failed: 0 });

    await startWorker();
    const done = await expectEventually(async () => {
      const r = await report(runId);
      expect(r.run.status).toBe('completed');
      return r;
    }, 30_000);
    expect(done.run).toMatchObject({ items: 3, passed: 3, verdict: 'passed' });
    expect(done.items.filter((i) => i.reason === BEFORE_THE_CRASH)).toHaveLength(1);
    expect((await recover.execute()).checked).toBe(0);
  });

  it('a run that keeps stopping is failed with the reason after the allowed resumes, never passed', async () => {
    // The recovery runs in any process; here in the api's, so no worker picks the run up.
    const recover = arbiter.api.get(RecoverRegressionRuns);
    const runId = await queueRun();
    const loseJob = async () =>
      (await regressionQueue().getJob(jobIds.regression(runId)))!.remove();
    await loseJob();
    await judgedOneItem(runId);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await recover.execute()).toEqual({ checked: 1, resumed: 1, failed: 0 });
    await loseJob(); // stopped again before finishing
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await recover.execute()).toEqual({ checked: 1, resumed: 0, failed: 1 });

    const failed = await report(runId);
    expect(failed.run).toMatchObject({ status: 'failed', verdict: null });
    expect(failed.run.error).toMatch(/stopped 2 time\(s\) before finishing/);
    expect(failed.items.map((i) => i.reason)).toEqual([BEFORE_THE_CRASH]);
  });
});
