import { forEachConcurrently } from './concurrent-pool';

/** A source of 1..count read `pageSize` at a time, recording each page read and when. */
function pagedSource(count: number, pageSize: number, log: string[]) {
  return (async function* () {
    for (let from = 1; from <= count; from += pageSize) {
      log.push(`page ${from}`);
      await Promise.resolve();
      for (let n = from; n < Math.min(from + pageSize, count + 1); n++) yield n;
    }
  })();
}

/** Work that waits until the test releases it, so the test decides what is in flight. */
function heldWork(log: string[]) {
  const held: (() => void)[] = [];
  let inFlight = 0;
  let most = 0;
  const work = async (n: number) => {
    inFlight++;
    most = Math.max(most, inFlight);
    log.push(`start ${n}`);
    await new Promise<void>((resolve) => held.push(resolve));
    inFlight--;
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { work, held, most: () => most, settle };
}

describe('forEachConcurrently', () => {
  it('works on every element exactly once, never more than the concurrency at once', async () => {
    const log: string[] = [];
    const { work, held, most, settle } = heldWork(log);
    const done = forEachConcurrently(pagedSource(7, 3, log), 2, work);
    for (let released = 0; released < 7; released++) {
      await settle();
      held.shift()!();
    }
    await done;
    const started = log.filter((l) => l.startsWith('start')).map((l) => Number(l.split(' ')[1]));
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most()).toBe(2);
  });

  it('reads the next page only when a lane needs it', async () => {
    const log: string[] = [];
    const { work, held, settle } = heldWork(log);
    const done = forEachConcurrently(pagedSource(6, 3, log), 2, work);
    await settle();
    expect(log).toEqual(['page 1', 'start 1', 'start 2']);
    held.shift()!();
    await settle();
    expect(log.slice(3)).toEqual(['start 3']);
    held.shift()!();
    await settle();
    expect(log.slice(4)).toEqual(['page 4', 'start 4']);
    while (held.length) {
      held.shift()!();
      await settle();
    }
    await done;
  });

  it('does nothing on an empty source, and takes a lone element once with lanes to spare', async () => {
    const seen: number[] = [];
    await forEachConcurrently(pagedSource(0, 3, []), 4, async (n) => void seen.push(n));
    expect(seen).toEqual([]);
    await forEachConcurrently(pagedSource(1, 3, []), 4, async (n) => void seen.push(n));
    expect(seen).toEqual([1]);
  });

  it('stops taking elements after a failure and throws it once the lanes have stopped', async () => {
    const seen: number[] = [];
    const error = await forEachConcurrently(pagedSource(10, 3, []), 2, async (n) => {
      seen.push(n);
      if (n === 3) throw new Error('generator down');
      await Promise.resolve();
    }).catch((e: unknown) => e);
    expect(error).toEqual(new Error('generator down'));
    expect(seen.length).toBeLessThan(10);
  });

  it('throws a failure of the source itself', async () => {
    const failing = (async function* () {
      yield 1;
      throw new Error('database down');
    })();
    await expect(forEachConcurrently(failing, 3, async () => undefined)).rejects.toThrow(
      'database down',
    );
  });
});
