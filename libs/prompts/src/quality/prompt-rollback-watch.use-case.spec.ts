import { IsolatedFailures } from '@arbiter/errors';
import { Logger } from '@nestjs/common';
import type { Alerts } from '@arbiter/oversight';
import type { DataSource } from 'typeorm';
import type { PromptRepository, PromptRow } from '../registry/prompt.repository';
import type { PromptCache } from '../resolve/prompt-cache.service';
import type { PromptQualityReport } from './prompt-quality.use-case';
import { PromptRollbackWatch } from './prompt-rollback-watch.use-case';

const prompt = (key: string) => ({ id: `id-${key}`, key }) as PromptRow;

describe('PromptRollbackWatch', () => {
  it('checks every prompt when one of them fails, then reports the one that failed', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const checked: string[] = [];
    const prompts = {
      list: async () => [prompt('broken'), prompt('fine')],
      labels: async (id: string) => {
        checked.push(id);
        if (id === 'id-broken') throw new Error('evidence unreadable');
        return []; // no production label: nothing to compare
      },
    } as unknown as PromptRepository;
    const watch = new PromptRollbackWatch(
      prompts,
      {} as PromptQualityReport,
      {} as PromptCache,
      {} as Alerts,
      {} as DataSource,
    );
    const run = watch.execute();
    await expect(run).rejects.toBeInstanceOf(IsolatedFailures);
    await expect(run).rejects.toThrow('prompt rollback watch: 1 failed (prompt broken)');
    // Before, the first prompt's failure ended the run and "fine" was never checked.
    expect(checked).toEqual(['id-broken', 'id-fine']);
  });
});
