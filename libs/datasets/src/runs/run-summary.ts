export interface ItemOutcome {
  itemId: string;
  status: 'passed' | 'failed' | 'error';
  costUsd: number;
}

/** An outcome with the item's status in the previous run: null or absent when it had none. */
export interface ComparedOutcome extends ItemOutcome {
  previousStatus?: ItemOutcome['status'] | null;
}

/** The counts of a run's outcomes so far; added to a page of outcomes at a time. */
export interface RunFigures {
  items: number;
  passed: number;
  failed: number;
  errored: number;
  /** Items that passed in the previous run and do not now. */
  regressions: number;
  /** Items that failed in the previous run and pass now. */
  fixed: number;
  costUsd: number;
}

/** The run compared against: its id and pass rate (its outcomes come with each ComparedOutcome). */
export interface PreviousRun {
  id: string;
  passRate: number | null;
}

/** A run's figures with what they make of it. */
export interface Summary extends RunFigures {
  passRate: number | null;
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

export function emptyFigures(): RunFigures {
  return { items: 0, passed: 0, failed: 0, errored: 0, regressions: 0, fixed: 0, costUsd: 0 };
}

/** The figures with these outcomes counted too (a run's results are read a page at a time). */
export function addOutcomes(figures: RunFigures, outcomes: ComparedOutcome[]): RunFigures {
  const next = { ...figures };
  for (const o of outcomes) {
    next.items++;
    if (o.status === 'passed') next.passed++;
    if (o.status === 'failed') next.failed++;
    if (o.status === 'error') next.errored++;
    const change = itemChange(o.status, o.previousStatus ?? undefined);
    if (change === 'regressed') next.regressions++;
    if (change === 'fixed') next.fixed++;
    next.costUsd += o.costUsd;
  }
  return next;
}

/**
 * A run's summary from its figures. Errors (generator faults) count against the pass rate like
 * failures. The run has regressed when items that passed last time fail now and the pass rate
 * dropped; below target when the pass rate is under the dataset's minimum. Either raises an alert.
 */
export function summarize(
  figures: RunFigures,
  previous: PreviousRun | null,
  minPassRate: number,
): Summary {
  const passRate = figures.items ? figures.passed / figures.items : null;
  const dropped =
    previous?.passRate !== null &&
    previous?.passRate !== undefined &&
    passRate !== null &&
    passRate < previous.passRate;
  const verdict =
    figures.regressions > 0 && dropped
      ? 'regressed'
      : passRate === null || passRate < minPassRate
        ? 'below_target'
        : 'passed';
  return {
    ...figures,
    passRate,
    costUsd: Math.round(figures.costUsd * 1e8) / 1e8,
    previousRunId: previous?.id ?? null,
    verdict,
  };
}
