// Shared by scripts/eval.ts and scripts/fit-scoring-model.ts: loading eval files, turning
// signal outputs into a feature matrix, grouped folds and the cross-validated fit.
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
  logisticLogit,
  type CalibrationMap,
  type ChooseThresholdResult,
  type ScoringInput,
  type WeighedInput,
} from '../libs/scoring/src';

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

/** Builds the matrix: each signal's features (mean-imputed when missing) plus a missing indicator if it is ever missing. */
export function featureTable(outputs: WeighedInput[][]): FeatureTable {
  const names: string[] = [];
  const columns: FeatureTable['columns'] = [];
  const bySignal = new Map<string, { features: Set<string>; missing: boolean }>();
  for (const row of outputs)
    for (const s of row) {
      const e = bySignal.get(s.name) ?? { features: new Set<string>(), missing: false };
      Object.keys(s.output.features).forEach((f) => e.features.add(f));
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

/** Out-of-fold logits of an L2 logistic regression. */
export function oofLogits(
  rows: number[][],
  labels: number[],
  folds: number[],
  lambda = LAMBDA,
  weights?: number[],
): number[] {
  const out = new Array<number>(rows.length).fill(0);
  const k = Math.max(...folds) + 1;
  for (let f = 0; f < k; f++) {
    const trainIdx = rows.map((_, i) => i).filter((i) => folds[i] !== f);
    const fit = fitLogistic(
      trainIdx.map((i) => rows[i]),
      trainIdx.map((i) => labels[i]),
      lambda,
      weights && trainIdx.map((i) => weights[i]),
    );
    rows.forEach((r, i) => {
      if (folds[i] === f) out[i] = logisticLogit(fit, r);
    });
  }
  return out;
}

/** Platt below 1,000 labels, isotonic from there (the rule). */
export function fitCalibration(logits: number[], labels: number[]): CalibrationMap {
  return labels.length >= 1000 ? fitIsotonic(logits, labels) : fitPlatt(logits, labels);
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
): CvResult {
  const k = Math.max(...folds) + 1;
  const probs = new Array<number>(rows.length).fill(0);
  const approved = new Array<boolean>(rows.length).fill(false);
  const thresholds: ChooseThresholdResult[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.map((_, i) => i).filter((i) => folds[i] !== f);
    const test = rows.map((_, i) => i).filter((i) => folds[i] === f);
    const trRows = train.map((i) => rows[i]);
    const trLabels = train.map((i) => labels[i]);
    // Inner folds: reuse the outer assignment, renumbered, so groups still stay together.
    const innerIds = [...new Set(train.map((i) => folds[i]))];
    const trFolds = train.map((i) => innerIds.indexOf(folds[i]));
    const inner = oofLogits(trRows, trLabels, trFolds, lambda);
    const calibration = fitCalibration(inner, trLabels);
    const innerProbs = inner.map((z) => applyCalibration(calibration, z));
    const t = chooseThreshold({ scores: innerProbs, labels: trLabels, alpha, delta });
    thresholds.push(t);
    const fit = fitLogistic(trRows, trLabels, lambda);
    for (const i of test) {
      probs[i] = applyCalibration(calibration, logisticLogit(fit, rows[i]));
      approved[i] = t.threshold !== null && probs[i] >= t.threshold;
    }
  }
  return { probs, approved, thresholds };
}
