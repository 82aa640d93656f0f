import { Logger } from '@nestjs/common';
import { AUTO, HUMAN, setUp } from './score-submission.fixture';

// Jobs running at once share their read and their transaction (ScoreRouteWriter).
describe('ScoreSubmission in groups', () => {
  beforeAll(() => Logger.overrideLogger(false));
  const GROUP = { windowMs: 5, max: 10 };

  it('jobs running at once are read together and applied in one transaction, published after it', async () => {
    const t = setUp(AUTO, GROUP);
    const rows = [t.received(), t.received(), t.received()];
    const transaction = jest.spyOn(t.db.dataSource, 'transaction');
    const findByIds = jest.spyOn(t.submissions, 'findByIds');
    const findById = jest.spyOn(t.submissions, 'findById');

    const outcomes = await Promise.all(rows.map((r) => t.useCase.execute(r.id, 1)));

    expect(outcomes).toEqual(['routed', 'routed', 'routed']);
    expect(findByIds).toHaveBeenCalledTimes(1);
    expect(findByIds.mock.calls[0][0]).toEqual(rows.map((r) => r.id));
    expect(findById).not.toHaveBeenCalled();
    expect(transaction).toHaveBeenCalledTimes(1);
    for (const r of rows) {
      expect(t.submissions.get(r.id)).toMatchObject({
        status: 'approved',
        decision: { decidedBy: 'auto', outcome: 'approved' },
      });
      expect(t.submissions.history(r.id).map((e) => e.toStatus)).toEqual(['scoring', 'approved']);
    }
    for (const r of rows) {
      const mine = t.events.published.filter((e) => e.payload.submissionId === r.id);
      expect(mine.map((e) => e.name)).toEqual(['submission.approved', 'submission.moved']);
    }
    expect(t.events.published.every((e) => !e.duringTransaction)).toBe(true);
  });

  it('each row stays fenced: a duplicate job in the same group is stale, the row moves once', async () => {
    const t = setUp(HUMAN, GROUP);
    const s = t.received();
    const other = t.received();

    const outcomes = await Promise.all([
      t.useCase.execute(s.id, 1),
      t.useCase.execute(s.id, 1),
      t.useCase.execute(other.id, 1),
    ]);

    expect(outcomes.slice(0, 2).sort()).toEqual(['routed', 'stale']);
    expect(outcomes[2]).toBe('routed');
    expect(t.submissions.history(s.id).map((e) => e.toStatus)).toEqual(['scoring', 'human_review']);
    expect(t.submissions.get(other.id)?.status).toBe('human_review');
  });

  it('the breaker is read once inside the group transaction and holds back each would-be approval', async () => {
    const t = setUp(AUTO, GROUP);
    t.breaker.state = 'open';
    const rows = [t.received(), t.received(), t.received()];

    await Promise.all(rows.map((r) => t.useCase.execute(r.id, 1)));

    expect(t.breaker.reads).toBe(1);
    for (const r of rows) {
      expect(t.submissions.get(r.id)).toMatchObject({
        status: 'human_review',
        decision: {
          reasons: [
            expect.objectContaining({ code: 'breaker.open' }),
            expect.objectContaining({ code: 'confidence.high' }),
          ],
        },
      });
    }
  });

  it('a group whose transaction fails is applied again row by row: every job still routes once', async () => {
    const t = setUp(AUTO, GROUP);
    const rows = [t.received(), t.received(), t.received()];
    const transaction = jest.spyOn(t.db.dataSource, 'transaction');
    t.db.failNextCommit(Object.assign(new Error('could not serialize access'), { code: '40001' }));

    const outcomes = await Promise.all(rows.map((r) => t.useCase.execute(r.id, 1)));

    expect(outcomes).toEqual(['routed', 'routed', 'routed']);
    expect(transaction).toHaveBeenCalledTimes(1 + rows.length);
    for (const r of rows) {
      expect(t.submissions.history(r.id).map((e) => e.toStatus)).toEqual(['scoring', 'approved']);
    }
    expect(t.events.names).toHaveLength(6);
  });

  it('a store outage fails every job of the group at once, leaving the rows as they were', async () => {
    const t = setUp(AUTO, GROUP);
    const rows = [t.received(), t.received()];
    const transaction = jest.spyOn(t.db.dataSource, 'transaction');
    t.db.failNextCommit(new Error('Connection terminated unexpectedly'));

    const results = await Promise.allSettled(rows.map((r) => t.useCase.execute(r.id, 1)));

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(transaction).toHaveBeenCalledTimes(1);
    for (const r of rows) {
      expect(t.submissions.get(r.id)?.status).toBe('received');
      expect(t.submissions.history(r.id)).toEqual([]);
    }
    expect(t.events.names).toEqual([]);
  });
});
