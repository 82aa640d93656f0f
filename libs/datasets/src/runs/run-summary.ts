export interface ItemOutcome {
  itemId: string;
  status: 'passed' | 'failed' | 'error';
  costUsd: number;
}

export interface PreviousRun {
  id: string;
  passRate: number | null;
  outcomes: ItemOutcome[];
}

export interface Summary {
  items: number;
  passed: number;
  failed: number;
  errored: number;
  /** Items that passed in the previous run and do not now. */
  regressions: number;
  /** Items that failed in the previous run and pass now. */
  fixed: number;
  passRate: number | null;
  costUsd: number;
  previousRunId: string | null;
  verdict: 'passed' | 'regressed' | 'below_target';
}

/** Per item, against the previous run: regressed (was a pass), fixed (is a pass now), same, or new. */
export function itemChange(
  now: ItemOutcome['status'],
  before: ItemOutcome['status'] | undefined,
): 'regressed' | 'fixed' | 'same' | 'new' {
  if (before === undefined) return 'new';
  if (before === 'passed' && now !== 'passed') return 'regressed';
  if (before !== 'passed' && now === 'passed') return 'fixed';
  return 'same';
}

/**
 * A run's figures. Errors (generator faults) count against the pass rate like failures. The run
 * has regressed when items that passed last time fail now and the pass rate dropped; below
 * target when the pass rate is under the dataset's minimum. Either raises an alert.
 */
export function summarize(
  outcomes: ItemOutcome[],
  previous: PreviousRun | null,
  minPassRate: number,
): Summary {
  const count = (s: ItemOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const passed = count('passed');
  const passRate = outcomes.length ? passed / outcomes.length : null;
  const before = new Map(previous?.outcomes.map((o) => [o.itemId, o.status]));
  let regressions = 0;
  let fixed = 0;
  for (const o of outcomes) {
    const change = itemChange(o.status, before.get(o.itemId));
    if (change === 'regressed') regressions++;
    if (change === 'fixed') fixed++;
  }
  const dropped =
    previous?.passRate !== null &&
    previous?.passRate !== undefined &&
    passRate !== null &&
    passRate < previous.passRate;
  const verdict =
    regressions > 0 && dropped
      ? 'regressed'
      : passRate === null || passRate < minPassRate
        ? 'below_target'
        : 'passed';
  return {
    items: outcomes.length,
    passed,
    failed: count('failed'),
    errored: count('error'),
    regressions,
    fixed,
    passRate,
    costUsd: Math.round(outcomes.reduce((sum, o) => sum + o.costUsd, 0) * 1e8) / 1e8,
    previousRunId: previous?.id ?? null,
    verdict,
  };
}
