import { expectEventually } from '@arbiter/testing';
import { approve, reject } from '../support/fake-llm.server';
import { ChaosStack } from './support/chaos-stack';
import { expectInvariants, runScenario } from './support/scenario';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One Arbiter (its own PostgreSQL and Redis, the worker a child process) taken through five
 * faults in a row, each under continuous submissions with reviewers working over socket.io.
 * After each: every accepted submission is final or waiting in its queue, none decided or
 * delivered twice, none approved because of the fault, intake never a 500 or a hang. Each
 * prints its figures as one JSON line. One stack for all five keeps the CI run short; a fault
 * that left damage behind fails the scenarios after it too.
 */
describe('chaos: faults under load', () => {
  let stack: ChaosStack;
  beforeAll(async () => {
    stack = await ChaosStack.start();
  }, 180_000);
  afterAll(() => stack?.stop());

  it('the AI provider hangs, then fails, then comes back: nothing approved because of it', async () => {
    const result = await runScenario('ai-provider-hang-fail-back', stack, {
      fault: async (s) => {
        s.llm.script(() => ({ verdict: approve(), delayMs: 60_000 }));
        await sleep(5000);
        s.llm.script(() => ({ status: 500, body: '{"error":"overloaded"}' }));
        await sleep(5000);
        s.llm.script((_req, index) => ({ verdict: index % 4 === 3 ? reject() : approve() }));
      },
    });
    expectInvariants(result);
  });

  it('Redis restarted empty: the queues are rebuilt from PostgreSQL', async () => {
    const result = await runScenario('redis-restarted-empty', stack, {
      fault: async (s) => {
        s.redis.stop();
        await sleep(3000);
        await s.redis.start();
      },
    });
    expectInvariants(result);
  });

  it('an api replica killed while reviewers hold leases through it: those tasks come back to the queue, decided once', async () => {
    const replica = await stack.startApiReplica();
    let heldAtKill: string[] = [];
    const result = await runScenario('api-replica-kill-9', stack, {
      reviewerUrl: (s) => () => (replica.alive ? replica.url : s.http.baseUrl),
      fault: async (_s, crew) => {
        await expectEventually(() => expect(crew.holding.size).toBeGreaterThan(0), 20_000, 20);
        heldAtKill = [...crew.holding.keys()];
        await replica.kill();
      },
    });
    expectInvariants(result);
    expect(result.crew.reconnects).toBeGreaterThan(0);
    // Their leases lapsed: each is back in the queue for anyone to claim, or already decided; none stays held by the dead connection.
    await expectEventually(
      async () => {
        const rows: { status: string }[] = await stack.db.query(
          `SELECT status FROM review_tasks WHERE id = ANY($1::uuid[])`,
          [heldAtKill],
        );
        expect(rows.filter((r) => r.status !== 'pending' && r.status !== 'decided')).toEqual([]);
        expect(rows).toHaveLength(heldAtKill.length);
      },
      30_000,
      500,
    );
  });

  it('PostgreSQL stopped for 20 s: intake answers 503 meanwhile (never a 500, never a hang)', async () => {
    const result = await runScenario('postgres-stopped-20s', stack, {
      fault: async (s, _crew, traffic) => {
        await s.pg.stop();
        await sleep(20_000);
        traffic.mark('restarting');
        await s.pg.start();
      },
    });
    expectInvariants(result);
    expect(result.phases.during.statuses['503']).toBeGreaterThan(0);
  });

  it('the worker killed with SIGKILL and started again: its jobs in flight run again, once', async () => {
    const result = await runScenario('worker-kill-9', stack, {
      fault: async (s) => {
        await s.worker.kill();
        await sleep(3000);
        await s.restartWorker();
      },
    });
    expectInvariants(result);
  });
});
