import {
  addOutcomes,
  emptyFigures,
  ItemOutcome,
  itemChange,
  summarize as summarizeFigures,
} from './run-summary';

const o = (itemId: string, status: ItemOutcome['status'], costUsd = 0.001): ItemOutcome => ({
  itemId,
  status,
  costUsd,
});

/** The summary of these outcomes against a previous run's, counted `pageSize` at a time as a run reads them. */
const summarize = (
  outcomes: ItemOutcome[],
  previous: { id: string; passRate: number | null; outcomes: ItemOutcome[] } | null,
  minPassRate: number,
  pageSize = 2,
) => {
  const before = new Map(previous?.outcomes.map((p) => [p.itemId, p.status]));
  let figures = emptyFigures();
  for (let i = 0; i < outcomes.length; i += pageSize)
    figures = addOutcomes(
      figures,
      outcomes
        .slice(i, i + pageSize)
        .map((x) => ({ ...x, previousStatus: before.get(x.itemId) ?? null })),
    );
  return summarizeFigures(figures, previous, minPassRate);
};

describe('a regression run summary', () => {
  it('counts errors against the pass rate, never as passes', () => {
    const s = summarize(
      [o('1', 'passed'), o('2', 'error'), o('3', 'failed'), o('4', 'passed')],
      null,
      0.4,
    );
    expect(s).toMatchObject({
      items: 4,
      passed: 2,
      failed: 1,
      errored: 1,
      passRate: 0.5,
      verdict: 'passed',
      costUsd: 0.004,
    });
  });

  it('names the items that regressed and the run regressed when the pass rate dropped', () => {
    const previous = {
      id: 'p',
      passRate: 1,
      outcomes: [o('1', 'passed'), o('2', 'passed'), o('3', 'failed')],
    };
    const s = summarize([o('1', 'passed'), o('2', 'failed'), o('3', 'failed')], previous, 0);
    expect(s).toMatchObject({ regressions: 1, fixed: 0, verdict: 'regressed', previousRunId: 'p' });
  });

  it('is not a regression when fixes outweigh the items that broke', () => {
    const previous = {
      id: 'p',
      passRate: 0.5,
      outcomes: [o('1', 'passed'), o('2', 'failed'), o('3', 'failed'), o('4', 'passed')],
    };
    const s = summarize(
      [o('1', 'failed'), o('2', 'passed'), o('3', 'passed'), o('4', 'passed')],
      previous,
      0,
    );
    expect(s).toMatchObject({ regressions: 1, fixed: 2, passRate: 0.75, verdict: 'passed' });
  });

  it('counts the same whether read whole or a page at a time', () => {
    const outcomes = [o('1', 'passed'), o('2', 'error'), o('3', 'failed'), o('4', 'passed')];
    const previous = { id: 'p', passRate: 0.5, outcomes: [o('1', 'failed'), o('3', 'passed')] };
    const whole = summarize(outcomes, previous, 0.4, outcomes.length);
    expect(summarize(outcomes, previous, 0.4, 1)).toEqual(whole);
    expect(whole).toMatchObject({ items: 4, regressions: 1, fixed: 1, costUsd: 0.004 });
  });

  it('is below target under the minimum pass rate, and for an empty run', () => {
    expect(summarize([o('1', 'failed'), o('2', 'passed')], null, 0.9).verdict).toBe('below_target');
    expect(summarize([], null, 0.9)).toMatchObject({ passRate: null, verdict: 'below_target' });
  });

  it.each([
    ['passed', undefined, 'new'],
    ['failed', 'passed', 'regressed'],
    ['error', 'passed', 'regressed'],
    ['passed', 'error', 'fixed'],
    ['failed', 'failed', 'same'],
  ] as const)('%s after %s is %s', (now, before, change) =>
    expect(itemChange(now, before)).toBe(change),
  );
});
