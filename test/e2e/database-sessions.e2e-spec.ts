import { PreparedStatement, preparedRows } from '@arbiter/persistence';
import { DataSource } from 'typeorm';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

describe('database sessions: settings, and statements prepared once per connection', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    await arbiter.putPolicy('support', policy());
  });

  const SPLIT: PreparedStatement = {
    name: 'arbiter_test_set_split',
    text: `UPDATE pipelines SET split_percent = $2 WHERE key = $1 RETURNING key, split_percent AS "splitPercent"`,
  };

  it('is prepared on the connection, reused, and answers UPDATE … RETURNING with its rows', async () => {
    await arbiter.db.transaction(async (tx) => {
      expect(await preparedRows(tx, SPLIT, ['support', 10])).toEqual([
        { key: 'support', splitPercent: 10 },
      ]);
      expect(await preparedRows(tx, SPLIT, ['support', 20])).toEqual([
        { key: 'support', splitPercent: 20 },
      ]);
      expect(await preparedRows(tx, SPLIT, ['nope', 30])).toEqual([]);
      const prepared: { name: string; text: string }[] = await tx.query(
        `SELECT name, statement AS text FROM pg_prepared_statements WHERE name = $1`,
        [SPLIT.name],
      );
      expect(prepared).toEqual([{ name: SPLIT.name, text: SPLIT.text }]);
    });
  });

  it('a refused statement still reports the database error, and the connection goes on serving', async () => {
    await expect(preparedRows(arbiter.db, SPLIT, ['support', 101])).rejects.toThrow(
      /ck_pipelines_split_percent/,
    );
    const res = await arbiter.http.post<{ status: string }>(
      '/v1/submissions?wait=5000',
      submissionBody(),
      {
        token: arbiter.bootstrapKey,
      },
    );
    expect(res.body.status).toBe('approved');
  });

  it('runs without JIT everywhere; the worker commits asynchronously, the api (intake) durably', async () => {
    const settings = async (db: DataSource) =>
      (
        await db.query(
          `SELECT current_setting('jit') AS jit, current_setting('synchronous_commit') AS sync`,
        )
      )[0];
    expect(await settings(arbiter.db)).toEqual({ jit: 'off', sync: 'on' });
    expect(await settings(arbiter.worker!.get(DataSource))).toEqual({ jit: 'off', sync: 'off' });
  });
});
