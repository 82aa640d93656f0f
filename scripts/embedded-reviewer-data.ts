// Shared by scripts/fit-embedded-reviewer.ts and bench/ai-review.bench.ts: the doubtful band of
// the eval files, the embedded reviewer's evidence for each band item, and the second-stage fit.
import {
  fitPlatt,
  KNOWN_SIGNALS,
  logisticLogit,
  scoreOutput,
  type ScoringConfig,
} from '../libs/scoring/src';
import {
  EMBEDDED_FEATURES,
  gatherEvidence,
  type EmbeddedModel,
  type ReviewItem,
} from '../libs/ai-review/src';
import {
  equalFileWeights,
  fileLabel,
  groupedFolds,
  loadEval,
  signedFitter,
  type EvalRecord,
} from './scoring-data';

/** The first pass as a pipeline runs it: every signal (no samples or logprobs in the eval data). */
export const FIRST_PASS: ScoringConfig = {
  signals: Object.fromEntries(KNOWN_SIGNALS.map((s) => [s, { weight: 1 }])),
  validators: [],
};
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
};

/**
 * The evidence the second stage weighs: all of EMBEDDED_FEATURES (the design, fixed before any
 * out-of-fold figure was seen). `EMBEDDED_MODEL_FEATURES=firstPassLogit npm run bench:ai-review`
 * gives the first-pass-logit-only baseline under the same CV. Out of fold, neither beats the
 * in-sample first pass on the dev band (see the bench's aurocInBand).
 */
export const MODEL_FEATURES: readonly string[] = process.env.EMBEDDED_MODEL_FEATURES
  ? process.env.EMBEDDED_MODEL_FEATURES.split(',')
  : [...EMBEDDED_FEATURES];

export interface BandItem {
  file: string;
  record: EvalRecord;
  item: ReviewItem;
  /** First-pass confidence (the shipped default model). */
  first: number;
  faithful: boolean;
  /** Grouped fold of the record among all records of all files (related items stay together). */
  fold: number;
  /** The evidence's features by name (EMBEDDED_FEATURES). */
  features: Record<string, number>;
}

export function toReviewItem(r: EvalRecord): ReviewItem {
  return {
    prompt: r.prompt,
    context: r.context.map((text, i) => ({ id: `c${i}`, text })),
    output: r.output,
    samples: [],
  };
}

/** Loads the files, keeps the items whose first-pass confidence falls in the band, with their evidence. */
export function loadBand(files: string[]): BandItem[] {
  const records: { file: string; record: EvalRecord }[] = [];
  for (const f of files)
    for (const record of loadEval(f)) records.push({ file: fileLabel(f), record });
  const folds = groupedFolds(
    records.map((r) => r.record),
    FOLDS,
  );
  const band: BandItem[] = [];
  records.forEach(({ file, record }, i) => {
    const item = toReviewItem(record);
    const first = scoreOutput(
      { input: { prompt: item.prompt, context: item.context }, output: { text: item.output } },
      FIRST_PASS,
    ).confidence;
    if (first < BAND.aiReview || first >= BAND.autoApprove) return;
    const evidence = gatherEvidence(item);
    band.push({
      file,
      record,
      item,
      first,
      faithful: record.label === 'faithful',
      fold: folds[i],
      features: evidence.features,
    });
  });
  return band;
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
    bias: round(fit.bias),
    features: MODEL_FEATURES.map((name, j) => ({
      name,
      weight: round(fit.weights[j]),
      mean: round(fit.mean[j]),
      scale: round(fit.scale[j]),
    })),
    calibration,
  };
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
