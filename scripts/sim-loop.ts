// npm run sim:loop [-- --before=6000 --after=4000 --seed=1 --target=0.2 --start=0.2 --qa=0.2 --mistakes=0.03]
// Replays labelled eval records as traffic through the self-checking loop (scripts/sim-loop/):
// from a badly set threshold, how many verdicts until the realised error among automatic
// approvals is under the target and stays there (N); then the stream silently switches to a
// harder file, and how many items until the breaker opens (M), with the errors that escaped.
// Prints JSON. Reads ../shared/eval (ARBITER_EVAL_DIR); the scores are the shipped engine's.
import { existsSync } from 'node:fs';
import { LoopSettings, simulateLoop, type ItemOutcome } from './sim-loop/simulation';
import { scoreFiles, seededRandom, stream } from './sim-loop/traffic';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
);
const num = (name: string, fallback: number) =>
  args[name] === undefined ? fallback : Number(args[name]);

const EVAL_DIR = process.env.ARBITER_EVAL_DIR ?? '../shared/eval';
const BEFORE_FILES = (args.beforeFiles ?? 'begin-dev,halueval-qa-dev').split(',');
const AFTER_FILES = (args.afterFiles ?? 'summedits-dev').split(',');
const before = num('before', 6000);
const after = num('after', 4000);
/** Automatic approvals the realised error is measured over (a rolling window). */
const ROLLING = num('rolling', 300);

const settings: LoopSettings = {
  startThreshold: num('start', 0.2),
  targetError: num('target', 0.2),
  delta: num('delta', 0.05),
  qaRate: num('qa', 0.2),
  qaRateTripped: num('qaTripped', 0.3),
  reviewerMistakes: num('mistakes', 0.03),
  recalibrateEvery: num('recalibrateEvery', 500),
  verdictWindow: num('verdictWindow', 1500),
  breaker: {
    maxOverrideRate: num('maxOverrideRate', 0.25),
    window: num('window', 100),
    minSamples: num('minSamples', 20),
    coolDownMs: num('coolDownItems', 300) * 1000,
    halfOpenShare: 0.25,
    halfOpenAudits: num('halfOpenAudits', 20),
    maxGateFailureJump: 1,
    maxAiFaultJump: 1,
    jumpWindowMs: 3_600_000,
    minRouted: Number.MAX_SAFE_INTEGER,
  },
};

/** For each automatic approval, whether the last `size` of them (up to it) erred more than the target. */
function rollingErrors(outcomes: ItemOutcome[], size: number): { index: number; rate: number }[] {
  const approvals = outcomes.filter((o) => o.autoApproved);
  const out: { index: number; rate: number }[] = [];
  let errors = 0;
  approvals.forEach((o, i) => {
    errors += o.acceptable ? 0 : 1;
    if (i >= size) errors -= approvals[i - size].acceptable ? 0 : 1;
    if (i >= size - 1) out.push({ index: o.index, rate: errors / size });
  });
  return out;
}

const share = (part: ItemOutcome[], test: (o: ItemOutcome) => boolean) =>
  part.length ? round(part.filter(test).length / part.length) : null;
const round = (x: number) => Math.round(x * 1000) / 1000;

function main(): void {
  if (!existsSync(EVAL_DIR)) throw new Error(`no eval data at ${EVAL_DIR} (set ARBITER_EVAL_DIR)`);
  const started = Date.now();
  const random = seededRandom(num('seed', 1));
  const traffic = [
    ...stream(scoreFiles(EVAL_DIR, BEFORE_FILES), before, random),
    ...stream(scoreFiles(EVAL_DIR, AFTER_FILES), after, random),
  ];
  const { outcomes, events } = simulateLoop(traffic, settings, random);
  const phase1 = outcomes.slice(0, before);
  const phase2 = outcomes.slice(before);

  // N: the first point of phase 1 from which the rolling error stays within the target.
  const rolling1 = rollingErrors(phase1, ROLLING);
  let settledAt = -1;
  for (let i = rolling1.length - 1; i >= 0 && rolling1[i].rate <= settings.targetError; i--)
    settledAt = i;
  const settled = settledAt >= 0 ? rolling1[settledAt] : null;
  const afterSettling = settled ? phase1.slice(settled.index + 1) : [];

  // M: items after the switch until the breaker opens.
  const trip = events.find(
    (e) => e.kind === 'breaker' && e.index >= before && e.transition?.to === 'open',
  );
  const changeWindow = phase2.slice(0, trip ? trip.index - before + 1 : phase2.length);
  const afterTrip = trip ? phase2.slice(trip.index - before + 1) : [];
  const escaped = (part: ItemOutcome[]) =>
    part.filter((o) => o.autoApproved && !o.acceptable).length;
  const approvals = (part: ItemOutcome[]) => part.filter((o) => o.autoApproved).length;
  const lastEscaped = outcomes.reduce(
    (last, o) => (o.index >= before && o.autoApproved && !o.acceptable ? o.index : last),
    -1,
  );

  const report = {
    settings: {
      ...settings,
      before,
      after,
      rollingWindow: ROLLING,
      beforeFiles: BEFORE_FILES,
      afterFiles: AFTER_FILES,
      seed: num('seed', 1),
    },
    convergence: {
      startThreshold: settings.startThreshold,
      realisedErrorFirstRolling: rolling1[0] ? round(rolling1[0].rate) : null,
      N_verdicts: settled ? phase1[settled.index].verdicts : null,
      atItem: settled?.index ?? null,
      thresholdThen: settled ? round(phase1[settled.index].threshold) : null,
      maxRollingErrorAfter:
        rolling1.length && settled
          ? round(Math.max(...rolling1.slice(settledAt).map((r) => r.rate)))
          : null,
      realisedErrorAfter: approvals(afterSettling)
        ? round(escaped(afterSettling) / approvals(afterSettling))
        : null,
      automationRateAfter: share(afterSettling, (o) => o.autoApproved),
    },
    modelChange: {
      M_items: trip ? trip.index - before + 1 : null,
      tripMessage: trip?.message ?? null,
      escapedErrorsDuringChange: escaped(changeWindow),
      automaticApprovalsDuringChange: approvals(changeWindow),
      automationRateAfterTrip: share(afterTrip, (o) => o.autoApproved),
      realisedErrorAfterTrip: approvals(afterTrip)
        ? round(escaped(afterTrip) / approvals(afterTrip))
        : null,
      escapedErrorsAfterTrip: escaped(afterTrip),
      // Without a trip, what stopped the escapes (if anything): the scheduled recalibration.
      escapedErrorsInPhase2: escaped(phase2),
      lastEscapedErrorAtItem: lastEscaped >= 0 ? lastEscaped - before + 1 : null,
      thresholdAfterSwitch: events
        .filter((e) => e.kind === 'threshold' && e.index >= before)
        .map((e) => ({ item: e.index - before + 1, change: e.message })),
    },
    breakerTransitions: events
      .filter((e) => e.kind === 'breaker')
      .map((e) => ({ item: e.index, to: e.transition?.to, cause: e.transition?.cause })),
    thresholdChanges: events.filter((e) => e.kind === 'threshold').length,
    elapsedMs: Date.now() - started,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main();
