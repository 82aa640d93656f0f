import { GroupCommit, GroupCommitWriter } from './group-commit';
import { isStoreFailure, mayBeOneRow } from './store-failures';

class RowRefused extends Error {
  readonly code = '23514';
}
class StoreDown extends Error {
  readonly code = 'ECONNREFUSED';
}

/** An in-memory store: records each write; an item named "bad" makes any write holding it fail. */
class FakeStore implements GroupCommitWriter<string, string> {
  readonly writes: string[][] = [];
  readonly sizes: number[] = [];
  retried = 0;
  down = false;

  async many(items: readonly string[]): Promise<string[]> {
    return this.write([...items]);
  }
  async one(item: string): Promise<string> {
    return (await this.write([item]))[0];
  }
  mayBeOneItem(error: unknown): boolean {
    return error instanceof RowRefused;
  }
  written(size: number): void {
    this.sizes.push(size);
  }
  retriedAlone(count: number): void {
    this.retried += count;
  }

  private async write(items: string[]): Promise<string[]> {
    await Promise.resolve();
    if (this.down) throw new StoreDown('connect ECONNREFUSED');
    if (items.includes('bad')) throw new RowRefused('check constraint violated');
    this.writes.push(items);
    return items.map((i) => `${i}:ok`);
  }
}

const settle = <T>(p: Promise<T>): Promise<{ ok: T } | { error: string }> =>
  p.then(
    (ok) => ({ ok }),
    (e: Error) => ({ error: e.message }),
  );

describe('GroupCommit', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('writes the items that arrive within the window together, each getting its own outcome', async () => {
    const store = new FakeStore();
    const group = new GroupCommit(store, { windowMs: 5, max: 100 });
    const a = group.submit('a');
    await jest.advanceTimersByTimeAsync(4);
    const b = group.submit('b');
    const c = group.submit('c');
    expect(store.writes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(await Promise.all([a, b, c])).toEqual(['a:ok', 'b:ok', 'c:ok']);
    expect(store.writes).toEqual([['a', 'b', 'c']]);
    expect(store.sizes).toEqual([3]);
  });

  it('when idle, writes an item at once; those arriving during that write go together as soon as it ends', async () => {
    const store = new FakeStore();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const slow = {
      many: async (items: readonly string[]) => (await held, store.many(items)),
      one: async (item: string) => (await held, store.one(item)),
      mayBeOneItem: () => false,
    };
    const group = new GroupCommit(slow, { windowMs: 1000, max: 100, writeWhenIdle: true });
    const a = group.submit('a');
    const b = group.submit('b');
    const c = group.submit('c');
    release();
    // No timer advanced: 'a' went at once, 'b' and 'c' when its write ended, not after 1 s.
    expect(await Promise.all([a, b, c])).toEqual(['a:ok', 'b:ok', 'c:ok']);
    expect(store.writes).toEqual([['a'], ['b', 'c']]);
  });

  it('when idle but off, a lone item still waits out its window', async () => {
    const store = new FakeStore();
    const group = new GroupCommit(store, { windowMs: 50, max: 100, writeWhenIdle: false });
    const a = group.submit('a');
    await jest.advanceTimersByTimeAsync(49);
    expect(store.writes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(await a).toBe('a:ok');
  });

  it('starts a new group for an item arriving after the window closed', async () => {
    const store = new FakeStore();
    const group = new GroupCommit(store, { windowMs: 2, max: 100 });
    const first = [group.submit('a'), group.submit('b')];
    await jest.advanceTimersByTimeAsync(2);
    const later = [group.submit('c'), group.submit('d')];
    await jest.advanceTimersByTimeAsync(2);
    await Promise.all([...first, ...later]);
    expect(store.writes).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('writes a full group at once, without waiting for the window', async () => {
    const store = new FakeStore();
    const group = new GroupCommit(store, { windowMs: 1000, max: 3 });
    const full = ['a', 'b', 'c'].map((i) => group.submit(i));
    const next = group.submit('d');
    await jest.advanceTimersByTimeAsync(0);
    expect(await Promise.all(full)).toEqual(['a:ok', 'b:ok', 'c:ok']);
    expect(store.writes).toEqual([['a', 'b', 'c']]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await next).toBe('d:ok');
    expect(store.writes).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('writes a lone item alone once its window ends', async () => {
    const store = new FakeStore();
    const one = jest.spyOn(store, 'one');
    const many = jest.spyOn(store, 'many');
    const group = new GroupCommit(store, { windowMs: 2, max: 100 });
    const a = group.submit('a');
    await jest.advanceTimersByTimeAsync(1);
    expect(one).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(await a).toBe('a:ok');
    expect(one).toHaveBeenCalledWith('a');
    expect(many).not.toHaveBeenCalled();
  });

  it('a bad item fails alone: its neighbours are written one by one and succeed', async () => {
    const store = new FakeStore();
    const group = new GroupCommit(store, { windowMs: 2, max: 100 });
    const results = ['a', 'bad', 'c'].map((i) => settle(group.submit(i)));
    await jest.advanceTimersByTimeAsync(2);
    expect(await Promise.all(results)).toEqual([
      { ok: 'a:ok' },
      { error: 'check constraint violated' },
      { ok: 'c:ok' },
    ]);
    expect(store.writes).toEqual([['a'], ['c']]);
    expect(store.sizes).toEqual([1, 1]);
    expect(store.retried).toBe(3);
  });

  it('a store outage fails every item of the group with its error, without retrying each', async () => {
    const store = new FakeStore();
    store.down = true;
    const one = jest.spyOn(store, 'one');
    const group = new GroupCommit(store, { windowMs: 2, max: 100 });
    const results = ['a', 'b'].map((i) => settle(group.submit(i)));
    await jest.advanceTimersByTimeAsync(2);
    expect(await Promise.all(results)).toEqual([
      { error: 'connect ECONNREFUSED' },
      { error: 'connect ECONNREFUSED' },
    ]);
    expect(one).not.toHaveBeenCalled();
    expect(store.retried).toBe(0);
  });

  it.each([
    { windowMs: 0, max: 100 },
    { windowMs: 2, max: 0 },
    { windowMs: 2, max: 1 },
  ])('with %j each item is written alone at once', async (options) => {
    const store = new FakeStore();
    const group = new GroupCommit(store, options);
    expect(group.enabled).toBe(false);
    const results = ['a', 'b'].map((i) => group.submit(i));
    expect(await Promise.all(results)).toEqual(['a:ok', 'b:ok']);
    expect(store.writes).toEqual([['a'], ['b']]);
  });

  it('a metric that throws neither fails the write nor has it written again', async () => {
    const store = new FakeStore();
    store.written = () => {
      throw new Error('metric broken');
    };
    const group = new GroupCommit(store, { windowMs: 2, max: 100 });
    const results = ['a', 'b'].map((i) => group.submit(i));
    await jest.advanceTimersByTimeAsync(2);
    expect(await Promise.all(results)).toEqual(['a:ok', 'b:ok']);
    expect(store.writes).toEqual([['a', 'b']]);
  });

  it('drain writes the waiting group now and waits for it', async () => {
    const store = new FakeStore();
    const group = new GroupCommit(store, { windowMs: 60_000, max: 100 });
    const results = [group.submit('a'), group.submit('b')];
    await group.drain();
    expect(store.writes).toEqual([['a', 'b']]);
    expect(await Promise.all(results)).toEqual(['a:ok', 'b:ok']);
  });
});

describe('mayBeOneRow', () => {
  it.each([
    ['a check constraint (23514)', { code: '23514' }, true],
    ['a unique violation wrapped by TypeORM', { driverError: { code: '23505' } }, true],
    ['bad JSON in one row (22P05)', { code: '22P05' }, true],
    ['a deadlock (40P01)', { code: '40P01' }, true],
    ['an administrator shutdown (57P01)', { code: '57P01' }, false],
    ['a lost connection (08006)', { driverError: { code: '08006' } }, false],
    ['too many connections (53300)', { code: '53300' }, false],
    ['a refused socket', { code: 'ECONNREFUSED' }, false],
    ['a pool timeout with no code', new Error('timeout exceeded when trying to connect'), false],
    ['nothing', null, false],
  ])('%s', (_what, error, expected) => {
    expect(mayBeOneRow(error)).toBe(expected);
  });
});

describe('isStoreFailure', () => {
  it.each([
    ['a lost connection (08006)', { code: '08006' }, true],
    ['an administrator shutdown (57P01)', { driverError: { code: '57P01' } }, true],
    ['a refused socket', { code: 'ECONNREFUSED' }, true],
    ['a cut session with no code', new Error('Connection terminated unexpectedly'), true],
    ['a check constraint (23514)', { code: '23514' }, false],
    ['a bug in our code', new TypeError('x is undefined'), false],
  ])('%s', (_what, error, expected) => {
    expect(isStoreFailure(error)).toBe(expected);
  });
});
