// Shared by scripts/eval.ts, scripts/fit-scoring-model.ts and the embedded reviewer's fit and
// bench: loading eval files, turning signal outputs into a feature matrix, grouped folds, the
// default model's recipe (fitCalibrated → toScoringModel) and the cross-validated fit.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  chooseThreshold,
  computeSignals,
  fitIsotonic,
  fitLogistic,
  fitPlatt,
  applyCalibration,
  KNOWN_SIGNALS,
  logisticLogit,
  type CalibrationMap,
  type LogisticFit,
  type ChooseThresholdResult,
  type ScoringConfig,
  type ScoringInput,
  type ScoringModel,
  type WeighedInput,
} from '../libs/scoring/src';

/**
 * The shipped model as a policy without `signals:` gets it (every signal, no validators), in its
 * two modes: the default, and with `scoring.shortAnswers`.
 */
const EVERY_SIGNAL = Object.fromEntries(KNOWN_SIGNALS.map((s) => [s, { weight: 1 }]));
export const SHIPPED_MODES: Readonly<Record<'default' | 'shortAnswers', ScoringConfig>> = {
  default: { signals: EVERY_SIGNAL, validators: [] },
  shortAnswers: { signals: EVERY_SIGNAL, validators: [], engine: { shortAnswers: true } },
};

/** The command line's .jsonl files, not counting the value of an option ("--out x.jsonl"). */
export function jsonlArgs(argv: readonly string[] = process.argv.slice(2)): string[] {
  return argv.filter((a, i, all) => a.endsWith('.jsonl') && !all[i - 1]?.startsWith('--'));
}

export interface EvalRecord {
  id: string;
  source?: string;
  prompt?: string;
  context: string[];
  output: string;
  label: 'faithful' | 'hallucinated';
  meta?: Record<string, unknown>;
}

/** The signals the fitted model learns from (samples and logprobs are absent from the eval files). */
export const FIT_SIGNALS = (
  process.env.FIT_SIGNALS ?? 'grounding,numbers,entities,contradiction,relevance,citations'
).split(',');

/** Reads one eval file; refuses the sealed holdout so nobody tunes on it by accident. */
export function loadEval(file: string): EvalRecord[] {
  if (/(^|\/)sealed(\/|$)/.test(file)) throw new Error(`refusing to read sealed data: ${file}`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalRecord);
}

export function fileLabel(file: string): string {
  return basename(file).replace(/\.jsonl$/, '');
}

/** The eval record as the engine sees a submission. */
export function toInput(r: EvalRecord): ScoringInput {
  return {
    input: { prompt: r.prompt, context: r.context.map((text, i) => ({ id: `c${i}`, text })) },
    output: { text: r.output },
  };
}

/** Related items (both answers of one question, all summaries of one document) share their context. */
export function groupKey(r: EvalRecord): string {
  return createHash('sha1').update(r.context.join('\u0000')).digest('hex').slice(0, 16);
}

/** Assigns groups to k folds deterministically (hash order), so related items stay together. */
export function groupedFolds(records: EvalRecord[], k: number): number[] {
  const groups = [...new Set(records.map(groupKey))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % k]));
  return records.map((r) => foldOf.get(groupKey(r)) as number);
}

export interface FeatureTable {
  names: string[];
  /** For each column, the signal it belongs to, and whether it is a missing indicator. */
  columns: { signal: string; missingIndicator: boolean }[];
  rows: number[][];
}

/** Signal outputs for each record, with every signal of FIT_SIGNALS enabled. */
export function signalOutputs(records: EvalRecord[], signals = FIT_SIGNALS): WeighedInput[][] {
  const config = { signals: Object.fromEntries(signals.map((s) => [s, { weight: 1 }])) };
  return records.map((r) => computeSignals(toInput(r), config));
}

/**
 * Features only the short-answer model reads (scripts/fit-short-answer-model.ts). The pooled
 * recipe leaves them out: the default model, and the rows of eval.ts that cross-validate its
 * recipe, stay what they were.
 */
export const SHORT_MODEL_ONLY: ReadonlySet<string> = new Set([
  'contradiction.unboundFactsLog',
  'contradiction.claimFlipsLog',
]);

/** Builds the matrix: each signal's features (mean-imputed when missing) plus a missing indicator if it is ever missing. */
export function featureTable(
  outputs: WeighedInput[][],
  { withShortOnly = false }: { withShortOnly?: boolean } = {},
): FeatureTable {
  const names: string[] = [];
  const columns: FeatureTable['columns'] = [];
  const bySignal = new Map<string, { features: Set<string>; missing: boolean }>();
  for (const row of outputs)
    for (const s of row) {
      const e = bySignal.get(s.name) ?? { features: new Set<string>(), missing: false };
      for (const f of Object.keys(s.output.features))
        if (withShortOnly || !SHORT_MODEL_ONLY.has(f)) e.features.add(f);
      if (s.output.score === null) e.missing = true;
      bySignal.set(s.name, e);
    }
  for (const [signal, e] of bySignal) {
    for (const f of [...e.features].sort()) {
      names.push(f);
      columns.push({ signal, missingIndicator: false });
    }
    if (e.missing) {
      names.push(`${signal}.missing`);
      columns.push({ signal, missingIndicator: true });
    }
  }
  const raw = outputs.map((row) => {
    const byName = new Map<string, number>();
    for (const s of row) {
      for (const [k, v] of Object.entries(s.output.features)) byName.set(k, v);
      byName.set(`${s.name}.missing`, s.output.score === null ? 1 : 0);
    }
    return names.map((n) => byName.get(n) ?? NaN);
  });
  // Impute a missing feature with its mean over rows where it is present (label-free).
  names.forEach((_, j) => {
    const present = raw.filter((r) => Number.isFinite(r[j]));
    const mean = present.length ? present.reduce((a, r) => a + r[j], 0) / present.length : 0;
    raw.forEach((r) => {
      if (!Number.isFinite(r[j])) r[j] = mean;
    });
  });
  return { names, columns, rows: raw };
}

// Chosen from {1e-4, 1e-3, 1e-2, 3e-2} by cross-validated AUROC on the dev files (never the sealed set).
export const LAMBDA = Number(process.env.LAMBDA ?? 1e-2);

/** Fits a logistic model to rows (the plain L2 fit, or the sign-constrained one). */
export type Fitter = (rows: number[][], labels: number[], weights?: number[]) => LogisticFit;

export const plainFitter =
  (lambda = LAMBDA): Fitter =>
  (rows, labels, weights) =>
    fitLogistic(rows, labels, lambda, weights);

/**
 * The direction each feature's meaning fixes: +1 when more of it means better supported, −1
 * when worse. A model shipped to traffic nobody has labelled must not learn the opposite from
 * a quirk of one dev set (HaluEval's hallucinated answers restate the question, so there
 * "takes up the prompt" predicts a hallucination; SummEdits' faithful items paraphrase more, so
 * there less support predicts faithful). Features not listed are free: length, paraphrase share,
 * missing indicators, and the copy shapes (copied runs, bigram and word shares),
 * whose meaning depends on the genre: copying is support in a chat reply, while a near-copy with
 * one word changed is how a summary goes wrong, so their sign is left to the data.
 */
export const FEATURE_SIGNS: Readonly<Record<string, 1 | -1>> = {
  'grounding.support': 1,
  'grounding.minSupport': 1,
  'grounding.docSupport': 1,
  'grounding.unsupportedLog': -1,
  'grounding.displacedShare': -1,
  'grounding.localDisplacedLog': -1,
  'grounding.anomalyLog': -1,
  'grounding.personalShare': -1,
  'grounding.questionShare': -1,
  'grounding.shortSupport': 1,
  'grounding.shortUnsupportedLog': -1,
  'numbers.grounded': 1,
  'numbers.ungroundedLog': -1,
  'entities.grounded': 1,
  'entities.ungroundedLog': -1,
  'entities.displacedLog': -1,
  'entities.shortUngroundedLog': -1,
  'contradiction.antonyms': -1,
  'contradiction.negations': -1,
  'contradiction.numbers': -1,
  'contradiction.polarity': -1,
  'contradiction.edits': -1,
  'contradiction.looseOpposites': -1,
  'contradiction.localOpposites': -1,
  'contradiction.unsourcedNegations': -1,
  'contradiction.shortDaysLog': -1,
  'relevance.promptCoverage': 1,
  'relevance.fromPrompt': 1,
  'relevance.question': -1,
  'relevance.verdict': -1,
  'citations.valid': 1,
};

/**
 * L2 logistic regression whose weights respect FEATURE_SIGNS (an active-set loop): the signed
 * features that get the wrong sign are held at their mean (so their weight is 0) and the model
 * is refitted without them, until no sign is wrong (two or three rounds in practice).
 * Dropping is safer than clipping: the other weights are refitted without the dropped ones.
 */
export const signedFitter =
  (names: string[], lambda = LAMBDA, signs = FEATURE_SIGNS): Fitter =>
  (rows, labels, weights) => {
    const means = names.map((_, j) => rows.reduce((a, r) => a + r[j], 0) / (rows.length || 1));
    const frozen = new Set<number>();
    for (;;) {
      const used = frozen.size
        ? rows.map((r) => r.map((v, j) => (frozen.has(j) ? means[j] : v)))
        : rows;
      const fit = fitLogistic(used, labels, lambda, weights);
      const wrong = names
        .map((n, j) => ((signs[n] ?? 0) * fit.weights[j] < -1e-9 ? j : -1))
        .filter((j) => j >= 0);
      if (!wrong.length) {
        // A held column is constant up to rounding: make its weight exactly 0 (and its scale 1)
        // so rounding noise divided by a near-zero scale cannot leak into the logit.
        for (const j of frozen) [fit.weights[j], fit.scale[j]] = [0, 1];
        return fit;
      }
      wrong.forEach((j) => frozen.add(j));
    }
  };

/** Out-of-fold logits of an L2 logistic regression. */
export function oofLogits(
  rows: number[][],
  labels: number[],
  folds: number[],
  lambda = LAMBDA,
  weights?: number[],
  fitter: Fitter = plainFitter(lambda),
): number[] {
  const out = new Array<number>(rows.length).fill(0);
  const k = Math.max(...folds) + 1;
  for (let f = 0; f < k; f++) {
    const trainIdx = rows.map((_, i) => i).filter((i) => folds[i] !== f);
    const fit = fitter(
      trainIdx.map((i) => rows[i]),
      trainIdx.map((i) => labels[i]),
      weights && trainIdx.map((i) => weights[i]),
    );
    rows.forEach((r, i) => {
      if (folds[i] === f) out[i] = logisticLogit(fit, r);
    });
  }
  return out;
}

/**
 * Files that weigh less than a whole file in a pooled fit. The support answers are 108 short
 * items written by one author (data/support-answers): at a full file's weight each would count
 * as much as 22 SummEdits summaries, and the fit traded BEGIN's out-of-fold AUROC (0.944 → 0.932)
 * for them; at a quarter it keeps every other file's and still learns the short-answer features.
 */
export const FILE_SHARE: Readonly<Record<string, number>> = {
  'support-answers-dev': 0.25,
  'support-answers-test': 0.25,
};

/** Sample weights that make each file weigh the same in total (times its FILE_SHARE), so the biggest file does not dictate a pooled model. */
export function equalFileWeights(fileOf: string[]): number[] {
  const counts = new Map<string, number>();
  fileOf.forEach((f) => counts.set(f, (counts.get(f) ?? 0) + 1));
  return fileOf.map(
    (f) => ((FILE_SHARE[f] ?? 1) * fileOf.length) / counts.size / (counts.get(f) as number),
  );
}

/**
 * Platt below 1,000 labels, isotonic from there (the rule). With sample weights (a
 * pooled fit), each item is repeated round(weight · 2) times, so the map answers "how often is
 * this logit right" with every file counting equally, as the model itself was fitted.
 */
export function fitCalibration(
  logits: number[],
  labels: number[],
  weights?: number[],
): CalibrationMap {
  if (weights) {
    const z: number[] = [];
    const y: number[] = [];
    logits.forEach((l, i) => {
      for (let r = Math.max(1, Math.round(weights[i] * 2)); r > 0; r--) {
        z.push(l);
        y.push(labels[i]);
      }
    });
    [logits, labels] = [z, y];
  }
  return labels.length >= 1000 ? fitIsotonic(logits, labels) : fitPlatt(logits, labels);
}

/** A logistic fit and the calibration map of its recipe. */
export interface CalibratedFit {
  fit: LogisticFit;
  calibration: CalibrationMap;
  /** Grouped out-of-fold logits of the rows the map was fitted on (same order as the rows). */
  oofLogits: number[];
}

/**
 * The default model's recipe on some rows: fit on all of them; calibrate on their grouped
 * out-of-fold logits, so the map corrects the model's optimism on unseen items. `folds` may be
 * any subset of fold ids (renumbered here), so groups stay together in the inner folds too.
 */
export function fitCalibrated(
  rows: number[][],
  labels: number[],
  folds: number[],
  lambda = LAMBDA,
  fitter: Fitter = plainFitter(lambda),
  weights?: number[],
): CalibratedFit {
  const ids = [...new Set(folds)];
  const renumbered = folds.map((f) => ids.indexOf(f));
  const oof = oofLogits(rows, labels, renumbered, lambda, weights, fitter);
  return {
    fit: fitter(rows, labels, weights),
    calibration: fitCalibration(oof, labels, weights),
    oofLogits: oof,
  };
}

/** Hand-set weights on logit(score) for signals the eval files cannot fit (no samples, logprobs or citations in them). */
export const PRIORS: Record<string, number> = { selfConsistency: 1, logprob: 0.5, citations: 1 };

/**
 * A fit over `table`'s columns as the engine's ScoringModel: missing indicators folded into the
 * bias plus a constant for "missing" (see combineFitted), priors for the signals it cannot fit.
 */
export function toScoringModel(
  table: Pick<FeatureTable, 'names' | 'columns'>,
  { fit, calibration }: CalibratedFit,
  version: string,
  description?: string,
): ScoringModel {
  let bias = fit.bias;
  const missing: Record<string, number> = {};
  const features: ScoringModel['features'] = [];
  table.names.forEach((name, j) => {
    const col = table.columns[j];
    const w = fit.weights[j];
    if (col.missingIndicator) {
      bias -= (w * fit.mean[j]) / fit.scale[j];
      missing[col.signal] = round6(w / fit.scale[j]);
    } else
      features.push({
        name,
        signal: col.signal,
        weight: round6(w),
        mean: round6(fit.mean[j]),
        scale: round6(fit.scale[j]),
      });
  });
  return {
    version,
    ...(description === undefined ? {} : { description }),
    bias: round6(bias),
    features,
    missing,
    priors: PRIORS,
    calibration:
      calibration.method === 'isotonic'
        ? { method: 'isotonic', x: calibration.x.map(round6), y: calibration.y.map(round6) }
        : calibration,
  };
}

/** Everything the default model's recipe needs, for all records of the dev files pooled. */
export interface DevTable {
  table: FeatureTable;
  labels: number[];
  /** Files weighted equally. */
  weights: number[];
  /** Grouped folds over all records. */
  folds: number[];
}

/**
 * The default model (scripts/fit-scoring-model.ts, and eval.ts's "default recipe (pooled CV)")
 * refitted on the rows `train` only: sign-constrained L2 fit, files weighted equally, calibrated
 * on the grouped out-of-fold logits of `train`. Rows outside `train` influence nothing but the
 * label-free imputation of missing features (as in eval.ts).
 */
export function refitDefaultModel(dev: DevTable, train: number[], version: string): ScoringModel {
  const cf = fitCalibrated(
    train.map((i) => dev.table.rows[i]),
    train.map((i) => dev.labels[i]),
    train.map((i) => dev.folds[i]),
    LAMBDA,
    signedFitter(dev.table.names, LAMBDA),
    train.map((i) => dev.weights[i]),
  );
  return toScoringModel(dev.table, cf, version);
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface CvResult {
  /** Calibrated out-of-fold probabilities. */
  probs: number[];
  /** Per item: approved at its fold's threshold. */
  approved: boolean[];
  thresholds: ChooseThresholdResult[];
}

/**
 * Nested cross-validation: for each outer fold, fit on the other folds; calibrate and choose
 * the threshold on inner out-of-fold logits of the training part only; then score the held-out
 * fold. The held-out fold never influences its own model, calibration or threshold.
 */
export function nestedCv(
  rows: number[][],
  labels: number[],
  folds: number[],
  alpha: number,
  delta: number,
  lambda = LAMBDA,
  fitter: Fitter = plainFitter(lambda),
  weights?: number[],
): CvResult {
  const k = Math.max(...folds) + 1;
  const probs = new Array<number>(rows.length).fill(0);
  const approved = new Array<boolean>(rows.length).fill(false);
  const thresholds: ChooseThresholdResult[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.map((_, i) => i).filter((i) => folds[i] !== f);
    const test = rows.map((_, i) => i).filter((i) => folds[i] === f);
    const trLabels = train.map((i) => labels[i]);
    // Inner folds: the outer assignment of the training part, so groups still stay together.
    const {
      fit,
      calibration,
      oofLogits: inner,
    } = fitCalibrated(
      train.map((i) => rows[i]),
      trLabels,
      train.map((i) => folds[i]),
      lambda,
      fitter,
      weights && train.map((i) => weights[i]),
    );
    const innerProbs = inner.map((z) => applyCalibration(calibration, z));
    const t = chooseThreshold({ scores: innerProbs, labels: trLabels, alpha, delta });
    thresholds.push(t);
    for (const i of test) {
      probs[i] = applyCalibration(calibration, logisticLogit(fit, rows[i]));
      approved[i] = t.threshold !== null && probs[i] >= t.threshold;
    }
  }
  return { probs, approved, thresholds };
}
