import { eachIsolated, IsolatedFailures } from './each-isolated';

describe('eachIsolated', () => {
  it('runs every item although one fails, logs the failure, then reports it', async () => {
    const ran: string[] = [];
    const logged: string[] = [];
    const run = eachIsolated(
      'recalibration',
      ['a', 'b', 'c'],
      (p) => `pipeline ${p}`,
      async (p) => {
        if (p === 'a') throw new Error('policy invalid');
        ran.push(p);
      },
      { error: (m) => logged.push(m) },
    );
    await expect(run).rejects.toThrow('recalibration: 1 failed (pipeline a); the others ran');
    await run.catch((e: IsolatedFailures) => expect(e.failed[0].item).toBe('pipeline a'));
    expect(ran).toEqual(['b', 'c']);
    expect(logged).toEqual(['recalibration: pipeline a failed: policy invalid']);
  });

  it('resolves when nothing failed', async () => {
    const ran: number[] = [];
    await eachIsolated('x', [1, 2], String, async (n) => void ran.push(n), { error: () => {} });
    expect(ran).toEqual([1, 2]);
  });
});
