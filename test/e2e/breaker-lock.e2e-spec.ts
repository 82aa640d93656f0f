import { BreakerRepository, BreakerStatus } from '@arbiter/oversight';
import { expectEventually } from '@arbiter/testing';
import { EntityManager } from 'typeorm';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy } from '../support/fixtures';

/**
 * The breaker's lock on real PostgreSQL: approving transactions hold it shared, a change holds
 * it exclusive. A trip waits for the approvals that read "closed" to commit, and an approval
 * that starts during a trip waits for it and then reads "open": no approval commits under a
 * breaker that has already tripped.
 */
describe('the automation breaker lock', () => {
  let arbiter: ArbiterHarness;
  let breakers: BreakerRepository;
  let pipelineId: string;

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
    breakers = arbiter.api.get(BreakerRepository);
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    await arbiter.putPolicy('support', policy());
    [{ id: pipelineId }] = await arbiter.db.query(`SELECT id FROM pipelines WHERE key = 'support'`);
    // The row exists, as after the pipeline's first approval (two transactions creating it at
    // once would wait on each other's insert, not on the lock under test).
    await arbiter.db.transaction((tx) => breakers.readShared(tx, pipelineId));
  });

  /** Resolves when `n` sessions are waiting for an advisory lock. */
  const waiting = (n: number) =>
    expectEventually(async () => {
      const [{ count }] = await arbiter.db.query(
        `SELECT count(*)::int AS count FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
      );
      expect(count).toBe(n);
    });

  /** A transaction held open until `release` is called; `entered` resolves inside it. */
  function held<T>(body: (tx: EntityManager) => Promise<T>) {
    let release!: () => void;
    let entered!: (value: T) => void;
    const inside = new Promise<T>((resolve) => (entered = resolve));
    const done = arbiter.db.transaction(async (tx) => {
      entered(await body(tx));
      await new Promise<void>((resolve) => (release = resolve));
    });
    return { inside, done, release: () => release() };
  }

  const trip = (tx: EntityManager, status: BreakerStatus) =>
    breakers.save(
      tx,
      pipelineId,
      null,
      { state: 'open', since: Date.now() },
      {
        from: status.state,
        to: 'open',
        cause: 'forced',
        figures: {},
        message: 'test trip',
      },
      'test',
    );

  it('approvals share the lock with each other', async () => {
    const first = held((tx) => breakers.readShared(tx, pipelineId));
    const second = held((tx) => breakers.readShared(tx, pipelineId));
    expect((await first.inside).state).toBe('closed');
    expect((await second.inside).state).toBe('closed');
    first.release();
    second.release();
    await Promise.all([first.done, second.done]);
  });

  it('a trip waits for the approval that read "closed" to commit', async () => {
    const approval = held((tx) => breakers.readShared(tx, pipelineId));
    expect((await approval.inside).state).toBe('closed');
    let tripped = false;
    const change = arbiter.db.transaction(async (tx) => {
      await trip(tx, await breakers.lock(tx, pipelineId));
      tripped = true;
    });
    await waiting(1);
    expect(tripped).toBe(false);
    approval.release();
    await Promise.all([approval.done, change]);
    expect(tripped).toBe(true);
  });

  it('an approval starting during a trip waits for it, then reads "open"', async () => {
    const change = held(async (tx) => trip(tx, await breakers.lock(tx, pipelineId)));
    await change.inside;
    const approval = arbiter.db.transaction((tx) => breakers.readShared(tx, pipelineId));
    await waiting(1);
    change.release();
    await change.done;
    expect((await approval).state).toBe('open');
  });
});
