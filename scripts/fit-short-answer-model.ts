// Fits the short-answer model shipped in libs/scoring/src/model/short-answer-model.ts:
//   npx tsx scripts/fit-short-answer-model.ts data/support-answers/support-answers-dev.jsonl \
//     data/support-answers/support-answers-dev2.jsonl [--dry] [--by-author] [--version <name>]
// (never data/support-answers/support-answers-test.jsonl: it is the held-out check).
// Rows: the short answers with a context (isShortAnswerInput) of the given files. Features: the
// fact checks of SHORT_FEATURES (sign-constrained L2 logistic regression, as the default
// model); Platt calibration on grouped out-of-fold logits. Prints grouped nested-CV figures on
// the fitted rows (model, calibration and the bands never see the fold they score).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auroc, computeSignals, ece, isShortAnswerInput } from '../libs/scoring/src';
import { Analysis } from '../libs/scoring/src/engine/analysis';
import {
  MIN_SHORT_ANSWER_SUPPORT,
  shortAnswerContradictions,
} from '../libs/scoring/src/engine/short-answer-regime';
import {
  equalFileWeights,
  featureTable,
  fileLabel,
  fitCalibrated,
  groupedFolds,
  loadEval,
  nestedCv,
  signalOutputs,
  signedFitter,
  toScoringModel,
  type EvalRecord,
  type FeatureTable,
} from './scoring-data';

const OUT = join(__dirname, '../libs/scoring/src/model/short-answer-model.ts');
const FOLDS = 5;
const APPROVE_AT = 0.85;
const REVIEW_AT = 0.5;

/** The signals whose checks a short answer's facts go through. */
export const SHORT_SIGNALS = ['grounding', 'numbers', 'entities', 'contradiction'];

/**
 * The fact checks the short-answer model reads: are the answer's words, numbers, days and names
 * in the passage it paraphrases, and does it flip a negation or a word. Copy shapes, length and
 * shortness are left out on purpose: among short answers they describe the author's style (the
 * wrong answers of the dev set keep a right answer's wording), not whether the facts hold.
 */
export const SHORT_FEATURES = (
  process.env.SHORT_FEATURES ??
  [
    'grounding.support',
    'grounding.minSupport',
    'grounding.unsupportedLog',
    'grounding.displacedShare',
    'grounding.localDisplacedLog',
    'grounding.anomalyLog',
    'numbers.grounded',
    'numbers.ungroundedLog',
    'numbers.missing',
    'entities.grounded',
    'entities.ungroundedLog',
    'entities.displacedLog',
    'entities.missing',
    'contradiction.antonyms',
    'contradiction.negations',
    'contradiction.numbers',
    'contradiction.polarity',
    'contradiction.edits',
    'contradiction.localOpposites',
    'contradiction.unsourcedNegations',
    'contradiction.shortDaysLog',
    'contradiction.unboundFactsLog',
    'contradiction.claimFlipsLog',
  ].join(',')
).split(',');

/**
 * Chosen from {0.03, 0.1, 0.3, 1} on the nested CV of support-answers-dev and -dev2 (115 rows
 * judged, ~23 features): the fewest wrong answers approved, then the most right ones (0.03:
 * 74/75 right, 1/40 wrong; 0.1: 74/75, 1/40; 0.3: 71/75, 0/40; 1: 68/75, 1/40).
 */
const LAMBDA = Number(process.env.SHORT_LAMBDA ?? 0.3);

function versionArg(): string | undefined {
  const i = process.argv.indexOf('--version');
  return i > 0 ? process.argv[i + 1] : undefined;
}

function selectColumns(table: FeatureTable, keep: readonly string[]): FeatureTable {
  const idx = table.names.map((n, j) => (keep.includes(n) ? j : -1)).filter((j) => j >= 0);
  return {
    names: idx.map((j) => table.names[j]),
    columns: idx.map((j) => table.columns[j]),
    rows: table.rows.map((r) => idx.map((j) => r[j])),
  };
}

/**
 * The rows the short-answer model judges when a policy turns it on: short answers with a fact
 * (isShortAnswerInput) whose words the context mostly has (MIN_SHORT_ANSWER_SUPPORT), less those
 * a fact-role cue caps anyway (shortAnswerContradictions): the model is fitted on what it decides.
 */
function judgedByShortModel(r: EvalRecord): boolean {
  const input = {
    input: { context: r.context.map((text, i) => ({ id: `c${i}`, text })) },
    output: { text: r.output },
  };
  if (!isShortAnswerInput(input)) return false;
  const [grounding] = computeSignals(input, { signals: { grounding: {} } });
  const support = grounding.output.features['grounding.support'];
  if (support !== undefined && support < MIN_SHORT_ANSWER_SUPPORT) return false;
  return shortAnswerContradictions(new Analysis(input)).length === 0;
}

function main(): void {
  const files = process.argv.slice(2).filter((f) => f.endsWith('.jsonl'));
  if (!files.length)
    throw new Error('usage: npx tsx scripts/fit-short-answer-model.ts <dev.jsonl>…');
  const heldOut = files.filter((f) => /-test\.jsonl$/.test(f));
  if (heldOut.length) throw new Error(`refusing to fit on held-out data: ${heldOut.join(', ')}`);
  const records: EvalRecord[] = [];
  const fileOf: string[] = [];
  for (const f of files)
    for (const r of loadEval(f)) {
      if (!judgedByShortModel(r)) continue;
      records.push(r);
      fileOf.push(fileLabel(f));
    }
  const labels = records.map((r) => (r.label === 'faithful' ? 1 : 0));
  const weights = files.length > 1 ? equalFileWeights(fileOf) : undefined;
  const table = selectColumns(
    featureTable(signalOutputs(records, SHORT_SIGNALS), { withShortOnly: true }),
    SHORT_FEATURES,
  );
  // --by-author: one fold per file, each written by another author, so the CV figures say how
  // the model does on answers by someone whose phrasing it never saw (what a new pipeline is).
  const authors = [...new Set(fileOf)];
  // Its inner folds (calibration, threshold) are the other authors: it needs two besides the one held out.
  if (process.argv.includes('--by-author') && authors.length < 3)
    throw new Error(
      '--by-author needs at least three files (one held out, two for the inner folds)',
    );
  const folds = process.argv.includes('--by-author')
    ? fileOf.map((f) => authors.indexOf(f))
    : groupedFolds(records, FOLDS);
  const fitter = signedFitter(table.names, LAMBDA);

  // Honest figures on the fitted rows: each fold scored by a model, calibration and threshold
  // fitted without it.
  const cv = nestedCv(table.rows, labels, folds, 0.05, 0.05, LAMBDA, fitter, weights);
  const right = labels.filter((l) => l === 1).length;
  const approvedRight = cv.probs.filter((p, i) => labels[i] === 1 && p >= APPROVE_AT).length;
  const approvedWrong = cv.probs.filter((p, i) => labels[i] === 0 && p >= APPROVE_AT).length;
  const wrongBelow = cv.probs.filter((p, i) => labels[i] === 0 && p < REVIEW_AT).length;
  const cvName = process.argv.includes('--by-author')
    ? 'leave-one-author-out nested CV'
    : `grouped ${FOLDS}-fold nested CV`;
  const summary = `${records.length} short answers of ${[...new Set(fileOf)].join(', ')}; ${cvName}: AUROC ${auroc(cv.probs, labels).toFixed(3)}, ECE ${ece(cv.probs, labels).toFixed(3)}, right ≥ ${APPROVE_AT}: ${approvedRight}/${right}, wrong ≥ ${APPROVE_AT}: ${approvedWrong}/${labels.length - right}, wrong < ${REVIEW_AT}: ${wrongBelow}/${labels.length - right}`;
  console.log(summary);
  if (process.argv.includes('--by-author'))
    for (const a of authors) {
      const idx = fileOf.map((f, i) => (f === a ? i : -1)).filter((i) => i >= 0);
      const n = (pred: (i: number) => boolean) => idx.filter(pred).length;
      console.log(
        `  ${a} held out: right ≥ ${APPROVE_AT} ${n((i) => labels[i] === 1 && cv.probs[i] >= APPROVE_AT)}/${n((i) => labels[i] === 1)}, wrong ≥ ${APPROVE_AT} ${n((i) => labels[i] === 0 && cv.probs[i] >= APPROVE_AT)}, wrong < ${REVIEW_AT} ${n((i) => labels[i] === 0 && cv.probs[i] < REVIEW_AT)}/${n((i) => labels[i] === 0)}`,
      );
    }
  if (process.env.SHORT_VERBOSE)
    records.forEach((r, i) =>
      console.log(`${cv.probs[i].toFixed(2)}  ${r.label.padEnd(12)} ${r.id}  ${r.output}`),
    );
  if (process.argv.includes('--dry')) return;

  const cf = fitCalibrated(table.rows, labels, folds, LAMBDA, fitter, weights);
  const model = toScoringModel(
    table,
    cf,
    // --version names a second fit on one day apart from the first ("short-2026-12-06b").
    versionArg() ?? `short-${new Date().toISOString().slice(0, 10)}`,
    `Short answers with a context: sign-constrained L2 logistic regression (lambda=${LAMBDA}) on ${table.names.length} fact-check features; Platt calibration on grouped ${FOLDS}-fold out-of-fold logits. ${summary}.`,
  );
  const body = `// GENERATED by scripts/fit-short-answer-model.ts; do not edit by hand. Refit with:
//   npx tsx scripts/fit-short-answer-model.ts data/support-answers/support-answers-dev.jsonl data/support-answers/support-answers-dev2.jsonl
import type { ScoringModel } from '../scoring.types';

/** Judges short answers with a context (engine/short-answer-regime.ts) instead of the pooled model. */
export const SHORT_ANSWER_MODEL: ScoringModel = ${JSON.stringify(model, null, 2)};
`;
  writeFileSync(OUT, body);
  console.log(`wrote ${OUT}`);
}

main();
