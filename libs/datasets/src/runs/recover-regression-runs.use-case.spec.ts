import type { AppConfig } from '@arbiter/config';
import type { QueueProducer } from '@arbiter/queue';
import { RecoverRegressionRuns } from './recover-regression-runs.use-case';
import type { RegressionRunRepository, UnfinishedRunRow } from './regression-run.repository';

interface FakeJob {
  state: string;
  failedReason?: string;
}

/** In-memory ports: idle unfinished runs, and the state of each run's job in the queue. */
function recoveryWith(
  runs: UnfinishedRunRow[],
  jobs: Record<string, FakeJob>,
  finishedMeanwhile: string[] = [],
) {
  const failed: [string, string][] = [];
  const enqueued: string[] = [];
  const removed: string[] = [];
  const recover = new RecoverRegressionRuns(
    {
      idleUnfinished: async () => runs,
      markResumed: async (id: string) => !finishedMeanwhile.includes(id),
      fail: async (id: string, error: string) => void failed.push([id, error]),
    } as unknown as RegressionRunRepository,
    {
      queue: () => ({
        getJob: async (jobId: string) => {
          const job = jobs[jobId.replace(/^regression-/, '')];
          return (
            job && {
              failedReason: job.failedReason,
              getState: async () => job.state,
              remove: async () => void removed.push(jobId),
            }
          );
        },
      }),
      enqueueRegression: async (id: string) => void enqueued.push(id),
    } as unknown as QueueProducer,
    { worker: { stuckAfterMs: 60_000 }, datasets: { maxRunResumes: 2 } } as AppConfig,
  );
  return { recover, failed, enqueued, removed };
}

const run = (id: string, resumes = 0): UnfinishedRunRow => ({ id, status: 'running', resumes });

describe('RecoverRegressionRuns', () => {
  it('leaves a run whose job will still run (waiting, delayed, active: a dead lock is the stall check’s)', async () => {
    const { recover, failed, enqueued } = recoveryWith([run('a'), run('b'), run('c'), run('d')], {
      a: { state: 'waiting' },
      b: { state: 'active' },
      c: { state: 'delayed' },
      d: { state: 'prioritized' },
    });
    expect(await recover.execute()).toEqual({ checked: 4, resumed: 0, failed: 0 });
    expect([failed, enqueued]).toEqual([[], []]);
  });

  it('queues a run whose job is gone again, and replaces a completed job that lost its effect', async () => {
    const { recover, enqueued, removed } = recoveryWith([run('lost'), run('done', 1)], {
      done: { state: 'completed' },
    });
    expect(await recover.execute()).toEqual({ checked: 2, resumed: 2, failed: 0 });
    expect(enqueued).toEqual(['lost', 'done']);
    expect(removed).toHaveLength(1);
  });

  it('fails a run with the reason after the allowed resumes, and one whose job failed unreported', async () => {
    const { recover, failed, enqueued } = recoveryWith([run('again', 2), run('broke')], {
      broke: { state: 'failed', failedReason: 'dataset not found' },
    });
    expect(await recover.execute()).toEqual({ checked: 2, resumed: 0, failed: 2 });
    expect(failed).toEqual([
      ['again', expect.stringContaining('stopped 3 time(s) before finishing')],
      ['broke', "the run's job failed: dataset not found"],
    ]);
    expect(enqueued).toEqual([]);
  });

  it('does not queue a run that finished while it looked', async () => {
    const { recover, enqueued } = recoveryWith([run('raced')], {}, ['raced']);
    expect(await recover.execute()).toEqual({ checked: 1, resumed: 0, failed: 0 });
    expect(enqueued).toEqual([]);
  });
});
