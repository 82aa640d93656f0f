import { Logger } from '@nestjs/common';
import { loadConfig } from '@arbiter/config';
import { DatasetsError, DatasetsErrorCode } from '../datasets.errors';
import { ExecuteRegressionRun } from './execute-run.use-case';

/** The use case with only what the refusals under test reach; the rest is never called. */
const setUp = (pipeline: { id: string; activeVersion: number | null } | null) => {
  const failed: { id: string; error: string }[] = [];
  const runs = {
    start: async (id: string) => ({ id, datasetId: 'd1', promptVersionId: null }),
    fail: async (id: string, error: string) => void failed.push({ id, error }),
  };
  const datasets = { findById: async () => ({ id: 'd1', pipeline: 'support' }) };
  const pipelines = { findByKey: async () => pipeline, findVersion: async () => null };
  const useCase = new ExecuteRegressionRun(
    runs as never,
    datasets as never,
    {} as never,
    {} as never,
    pipelines as never,
    { versionById: async () => null } as never,
    {} as never,
    {} as never,
    loadConfig({}),
  );
  return { useCase, failed };
};

describe('ExecuteRegressionRun: refusals and failures a run reports', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('refuses a run of a pipeline with no active policy version with datasets.not_runnable', async () => {
    const { useCase } = setUp({ id: 'p1', activeVersion: null });
    const error = await useCase.execute('r1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetsError);
    expect(error).toMatchObject({
      code: DatasetsErrorCode.NotRunnable,
      message: expect.stringContaining('no active policy version'),
    });
  });

  it('records a coded refusal as the run failure, word for word', async () => {
    const { useCase, failed } = setUp(null);
    await useCase.failSafe(
      'r1',
      new DatasetsError(DatasetsErrorCode.NotRunnable, 'Pipeline "support" has no active policy'),
    );
    expect(failed).toEqual([{ id: 'r1', error: 'Pipeline "support" has no active policy' }]);
  });

  it('records an unexpected error without its internal text (it is logged instead)', async () => {
    const { useCase, failed } = setUp(null);
    await useCase.failSafe('r1', new Error('relation "regression_results" does not exist'));
    expect(failed).toEqual([{ id: 'r1', error: expect.stringContaining('internal error') }]);
    expect(failed[0].error).not.toContain('regression_results');
  });
});
