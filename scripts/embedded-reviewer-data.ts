// Shared by scripts/fit-embedded-reviewer.ts and bench/ai-review.bench.ts: the doubtful band of
// the eval files, the embedded reviewer's evidence for each band item, and the second-stage fit.
// The first pass behind the band is always a default model refitted WITHOUT the item's fold
// (refitDefaultModel, the recipe of scripts/fit-scoring-model.ts and eval.ts), so an item's
// first-pass confidence, band membership and evidence are what an unseen item would get.
import {
  fitPlatt,
  logisticLogit,
  scoreOutput,
  type ScoringConfig,
  type ScoringModel,
} from '../libs/scoring/src';
import {
  EMBEDDED_FEATURES,
  gatherEvidence,
  type EmbeddedModel,
  type ReviewItem,
} from '../libs/ai-review/src';
import {
  equalFileWeights,
  featureTable,
  fileLabel,
  groupedFolds,
  loadEval,
  refitDefaultModel,
  round6,
  signalOutputs,
  signedFitter,
  SHIPPED_MODES,
  toInput,
  type DevTable,
  type EvalRecord,
} from './scoring-data';

/** The first pass as a pipeline runs it: every signal (no samples or logprobs in the eval data). */
export const FIRST_PASS: ScoringConfig = SHIPPED_MODES.default;
/** The doubtful band of the shipped demo policy (pipelines/demo.yaml): aiReview 0.5 ≤ c < autoApprove 0.85. */
export const BAND = { aiReview: 0.5, autoApprove: 0.85 };
export const FOLDS = 5;
/** L2 penalty of the second stage; a handful of features on a few hundred items. */
export const EMBEDDED_LAMBDA = 0.1;
/** Every feature's direction is fixed by its meaning, so a dev-set quirk cannot flip it. */
export const EMBEDDED_SIGNS: Readonly<Record<string, 1 | -1>> = {
  firstPassLogit: 1,
  weakestClaimLogit: 1,
  meanClaimLogit: 1,
  conflictingClaims: -1,
  numbersNotInAlignedLog: -1,
  negationsAdded: -1,
  swappedWordsLog: -1,
};

/**
 * The evidence the second stage weighs: all of EMBEDDED_FEATURES (the design, fixed before any
 * out-of-fold figure was seen). `EMBEDDED_MODEL_FEATURES=firstPassLogit npm run bench:ai-review`
 * gives the first-pass-logit-only baseline under the same CV. swappedWordsLog was added after the
 * fair (both sides out-of-fold) bench showed the first six adding nothing; it was defined once,
 * before its figures were seen, and not tuned: pooled in-band AUROC 0.591 → 0.628 (first pass
 * 0.580), but no precision or coverage gain at approveAt 0.6/0.7 (see the bench).
 */
export const MODEL_FEATURES: readonly string[] = process.env.EMBEDDED_MODEL_FEATURES
  ? process.env.EMBEDDED_MODEL_FEATURES.split(',')
  : [...EMBEDDED_FEATURES];

export interface BandItem {
  file: string;
  record: EvalRecord;
  item: ReviewItem;
  /** First-pass confidence, from `firstPass`. */
  first: number;
  /** The first-pass model behind `first` and the evidence: one that never saw this item. */
  firstPass: ScoringModel;
  faithful: boolean;
  /** Grouped fold of the record among all records of all files (related items stay together). */
  fold: number;
  /** The evidence's features by name (EMBEDDED_FEATURES). */
  features: Record<string, number>;
}

export function toReviewItem(r: EvalRecord): ReviewItem {
  const { input } = toInput(r);
  return { prompt: input.prompt, context: input.context ?? [], output: r.output, samples: [] };
}

/** The dev files pooled: records, and the feature table the default model is refitted from. */
export interface DevSet extends DevTable {
  records: { file: string; record: EvalRecord }[];
}

export function loadDev(files: string[]): DevSet {
  const records: { file: string; record: EvalRecord }[] = [];
  for (const f of files)
    for (const record of loadEval(f)) records.push({ file: fileLabel(f), record });
  const plain = records.map((r) => r.record);
  return {
    records,
    table: featureTable(signalOutputs(plain)),
    labels: plain.map((r) => (r.label === 'faithful' ? 1 : 0)),
    weights: equalFileWeights(records.map((r) => r.file)),
    folds: groupedFolds(plain, FOLDS),
  };
}

/** The first pass as a pipeline runs it, with `model`. */
export function firstPassConfidence(record: EvalRecord, model: ScoringModel): number {
  return scoreOutput(toInput(record), FIRST_PASS, model).confidence;
}

/** The records `idx` whose confidence under `firstPass` falls in the band, with their evidence under it. */
export function bandOf(dev: DevSet, idx: number[], firstPass: ScoringModel): BandItem[] {
  const band: BandItem[] = [];
  for (const i of idx) {
    const { file, record } = dev.records[i];
    const first = firstPassConfidence(record, firstPass);
    if (first < BAND.aiReview || first >= BAND.autoApprove) continue;
    const item = toReviewItem(record);
    band.push({
      file,
      record,
      item,
      first,
      firstPass,
      faithful: record.label === 'faithful',
      fold: dev.folds[i],
      features: gatherEvidence(item, firstPass).features,
    });
  }
  return band;
}

/**
 * The band of the records `subset`, each item judged by a default model refitted on the other
 * folds OF `subset` only: nothing outside `subset` (its labels, or which items fall in the band)
 * reaches the result, and every item's first-pass figures are out-of-fold.
 */
export function bandOutOfFold(dev: DevSet, subset: number[], tag: string): BandItem[] {
  const folds = [...new Set(subset.map((i) => dev.folds[i]))].sort();
  return folds.flatMap((f) => {
    const model = refitDefaultModel(
      dev,
      subset.filter((i) => dev.folds[i] !== f),
      `${tag}-without-fold-${f}`,
    );
    return bandOf(
      dev,
      subset.filter((i) => dev.folds[i] === f),
      model,
    );
  });
}

/**
 * Sign-constrained L2 logistic regression on band items (files weighted equally), Platt-calibrated
 * to the band's pooled faithful rate.
 */
export function fitEmbeddedModel(items: BandItem[], version: string): EmbeddedModel {
  const rows = items.map((b) => MODEL_FEATURES.map((n) => b.features[n]));
  const labels = items.map((b) => (b.faithful ? 1 : 0));
  const weights = equalFileWeights(items.map((b) => b.file));
  const fitter = signedFitter([...MODEL_FEATURES], EMBEDDED_LAMBDA, EMBEDDED_SIGNS);
  const fit = fitter(rows, labels, weights);
  // Platt on the fit's own logits (one or a few features on hundreds of items: little optimism).
  // Platt on grouped out-of-fold logits was tried: within the band the fold models' intercepts
  // differ more than the evidence separates, and the map came out decreasing (ranking inverted).
  // A map that would invert the model's ranking means no usable evidence: it becomes the base rate.
  let calibration = fitPlatt(
    rows.map((r) => logisticLogit(fit, r)),
    labels,
  );
  if (calibration.a > 0) {
    const pos = labels.filter((y) => y === 1).length;
    calibration = { method: 'platt', a: 0, b: -Math.log((pos + 1) / (labels.length - pos + 1)) };
  }
  return {
    version,
    bias: round6(fit.bias),
    features: MODEL_FEATURES.map((name, j) => ({
      name,
      weight: round6(fit.weights[j]),
      mean: round6(fit.mean[j]),
      scale: round6(fit.scale[j]),
    })),
    calibration,
  };
}
