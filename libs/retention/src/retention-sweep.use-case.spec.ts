import type { AppConfig } from '@arbiter/config';
import type { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import type { RetentionRepository } from './retention.repository';
import { RetentionSweep } from './retention-sweep.use-case';
import type { SubmissionErasure } from './submission-erasure.service';

/** In-memory ports: three pipelines, of which two keep raw text for a while. */
function sweepWith(due: Record<string, string[]>, erasable: (id: string) => boolean = () => true) {
  const policies: Record<string, unknown> = {
    'v-a': { retention: { raw: '30d' } },
    'v-b': {},
    'v-c': { retention: { raw: '1h30m' } },
  };
  const asked: { pipelineId: string; olderThanMs: number; limit: number }[] = [];
  const erased: [string, string, string][] = [];
  const sweep = new RetentionSweep(
    {
      listActive: async () => [
        { id: 'p-a', key: 'a', activeVersionId: 'v-a' },
        { id: 'p-b', key: 'b', activeVersionId: 'v-b' },
        { id: 'p-c', key: 'c', activeVersionId: 'v-c' },
      ],
    } as unknown as PipelineRepository,
    { versionById: async (id: string) => ({ policy: policies[id] }) } as unknown as PolicyCatalog,
    {
      dueForErasure: async (pipelineId: string, olderThanMs: number, limit: number) => {
        asked.push({ pipelineId, olderThanMs, limit });
        return (due[pipelineId] ?? []).slice(0, limit).map((id) => ({ id }));
      },
    } as unknown as RetentionRepository,
    {
      erase: async (id: string, reason: string, actor: string) => {
        erased.push([id, reason, actor]);
        return erasable(id);
      },
    } as unknown as SubmissionErasure,
    { retention: { everyMs: 3_600_000, batch: 2 } } as AppConfig,
  );
  return { sweep, asked, erased };
}

describe('RetentionSweep', () => {
  it('asks each pipeline with retention for at most one batch past its retention, and erases them as `retention`', async () => {
    const { sweep, asked, erased } = sweepWith({ 'p-a': ['s1', 's2', 's3'], 'p-c': ['s4'] });
    expect(await sweep.execute()).toEqual({ a: 2, c: 1 });
    expect(asked).toEqual([
      { pipelineId: 'p-a', olderThanMs: 30 * 86_400_000, limit: 2 },
      { pipelineId: 'p-c', olderThanMs: 90 * 60_000, limit: 2 },
    ]);
    expect(erased).toEqual([
      ['s1', 'retention', 'retention'],
      ['s2', 'retention', 'retention'],
      ['s4', 'retention', 'retention'],
    ]);
  });

  it('counts only what it erased (another run or a request may have got there first)', async () => {
    const { sweep } = sweepWith({ 'p-a': ['s1', 's2'] }, (id) => id !== 's1');
    expect(await sweep.execute()).toEqual({ a: 1, c: 0 });
  });
});
