// npm run bench:ai-review [-- <eval.jsonl>…]
// Prints JSON: the embedded AI reviewer's latency per item (p50/p99) and, on ../shared/eval,
// what it adds over the first-pass score alone on the doubtful band. Both sides are OUT-OF-FOLD,
// grouped 5-fold CV (folds of scripts/scoring-data.ts, related items together). For each fold k:
//  - the first pass is the default model refitted on the other folds (refitDefaultModel: the
//    recipe of scripts/fit-scoring-model.ts and eval.ts's pooled CV); its confidence on fold k
//    decides which fold-k items are in the band and ranks them for the first-pass baseline, and
//    it is the model behind fold k's evidence (firstPassLogit and every claim's logit);
//  - the second stage is fitted on the other folds' band items (scripts/fit-embedded-reviewer.ts's
//    recipe), whose own first-pass figures come from INNER refits (bandOutOfFold over the other
//    folds: each inner fold j scored by a default model fitted on the folds other than j and k).
//    The outer out-of-fold scores of those items would not do: the model that scored fold j ≠ k
//    was fitted on fold k, so fold k's labels would reach its own second stage through them.
// Reads the eval files in place (read-only); copies no data.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { auroc, DEFAULT_MODEL } from '../libs/scoring/src';
import { probabilityFaithful, reviewEmbedded, type Verdict } from '../libs/ai-review/src';
import {
  BAND,
  bandOf,
  bandOutOfFold,
  firstPassConfidence,
  fitEmbeddedModel,
  FOLDS,
  loadDev,
  MODEL_FEATURES,
  type BandItem,
  type DevSet,
} from '../scripts/embedded-reviewer-data';
import { refitDefaultModel } from '../scripts/scoring-data';
import { percentile } from './support/bench-run';

const EVAL_DIR = join(__dirname, '../../shared/eval');
const APPROVE_AT = [0.6, 0.7, 0.8];

interface Judged {
  file: string;
  /** Out-of-fold first-pass confidence. */
  first: number;
  /** Out-of-fold probability of faithful. */
  p: number;
  verdict: Verdict;
  faithful: boolean;
}

const round = (x: number | null, d = 3): number | null =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d;
const precision = (xs: Judged[]): number | null =>
  xs.length ? xs.filter((x) => x.faithful).length / xs.length : null;

/** Embedded approvals at `approveAt` vs. the first pass approving the same number of band items (its top confidences). */
function compare(band: Judged[], approveAt: number): Record<string, unknown> {
  const approved = band.filter(
    (j) => j.verdict.verdict === 'approve' && j.verdict.confidence >= approveAt,
  );
  const k = approved.length;
  const byFirst = [...band].sort((a, b) => b.first - a.first);
  const p = precision(approved);
  const p0 = precision(byFirst.slice(0, k));
  // Coverage the first pass reaches at the embedded reviewer's precision (largest top-k with precision ≥ p).
  let matched = 0;
  if (p !== null) {
    let good = 0;
    byFirst.forEach((j, i) => {
      if (j.faithful) good++;
      if (good / (i + 1) >= p) matched = i + 1;
    });
  }
  return {
    approveAt,
    embedded: { approved: k, coverage: round(k / band.length), precision: round(p) },
    firstPassSameCoverage: { approved: k, precision: round(p0) },
    precisionGain: p !== null && p0 !== null ? round(p - p0) : null,
    firstPassCoverageAtSamePrecision: round(matched / band.length),
    coverageGain: p !== null ? round((k - matched) / band.length) : null,
  };
}

function summary(band: Judged[]): Record<string, unknown> {
  const labels = band.map((j) => (j.faithful ? 1 : 0));
  const twoClasses = new Set(labels).size === 2;
  return {
    band: band.length,
    bandFaithfulShare: round(precision(band)),
    aurocInBand: {
      firstPass: twoClasses
        ? round(
            auroc(
              band.map((j) => j.first),
              labels,
            ),
          )
        : null,
      embedded: twoClasses
        ? round(
            auroc(
              band.map((j) => j.p),
              labels,
            ),
          )
        : null,
    },
    verdicts: {
      approve: band.filter((j) => j.verdict.verdict === 'approve').length,
      reject: band.filter((j) => j.verdict.verdict === 'reject').length,
      unsure: band.filter((j) => j.verdict.verdict === 'unsure').length,
    },
    rejects: band.filter((j) => j.verdict.verdict === 'reject').length,
    wrongRejects: band.filter((j) => j.verdict.verdict === 'reject' && j.faithful).length,
    byApproveAt: APPROVE_AT.map((a) => compare(band, a)),
  };
}

/** Each fold's band, chosen and judged by first pass and second stage fitted without it (header). */
function judgeOutOfFold(dev: DevSet): { judged: Judged[]; band: BandItem[] } {
  const judged: Judged[] = [];
  const band: BandItem[] = [];
  const all = dev.records.map((_, i) => i);
  for (let k = 0; k < FOLDS; k++) {
    const others = all.filter((i) => dev.folds[i] !== k);
    const firstPass = refitDefaultModel(dev, others, `cv-fold-${k}`);
    const test = bandOf(
      dev,
      all.filter((i) => dev.folds[i] === k),
      firstPass,
    );
    const model = fitEmbeddedModel(bandOutOfFold(dev, others, `cv-fold-${k}`), `cv-fold-${k}`);
    for (const b of test) {
      judged.push({
        file: b.file,
        first: b.first,
        p: probabilityFaithful(model, b.features),
        verdict: reviewEmbedded(b.item, model, b.firstPass),
        faithful: b.faithful,
      });
    }
    band.push(...test);
  }
  return { judged, band };
}

/**
 * The tilted comparison this bench used to make, kept because it costs one scoring per item: the
 * shipped default model was fitted on these files, so its band and ranking here are in-sample.
 */
function inSampleFirstPass(dev: DevSet): Record<string, unknown> {
  const inBand = dev.records
    .map(({ record }, i) => ({ c: firstPassConfidence(record, DEFAULT_MODEL), y: dev.labels[i] }))
    .filter(({ c }) => c >= BAND.aiReview && c < BAND.autoApprove);
  return {
    note: 'IN-SAMPLE, not comparable to the out-of-fold figures: the shipped default model scored the files it was fitted on',
    band: inBand.length,
    aurocInBand: round(
      auroc(
        inBand.map((x) => x.c),
        inBand.map((x) => x.y),
      ),
    ),
  };
}

/** Latency of the shipped reviewer, once per band item. */
function latencies(band: BandItem[]): number[] {
  const ms = band.map((b) => {
    const t0 = process.hrtime.bigint();
    reviewEmbedded(b.item);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  });
  return ms.sort((a, b) => a - b);
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a.endsWith('.jsonl'));
  const files = args.length
    ? args
    : existsSync(EVAL_DIR)
      ? readdirSync(EVAL_DIR)
          .filter((f) => f.endsWith('-dev.jsonl'))
          .map((f) => join(EVAL_DIR, f))
      : [];
  if (!files.length) throw new Error('no eval files: pass some .jsonl files');
  const dev = loadDev(files);
  const { judged, band } = judgeOutOfFold(dev);
  const lat = latencies(band);
  const perFile = Object.fromEntries(
    [...new Set(band.map((b) => b.file))].map((f) => [
      f,
      summary(judged.filter((j) => j.file === f)),
    ]),
  );
  console.log(
    JSON.stringify(
      {
        node: process.version,
        band: `out-of-fold first-pass confidence in [${BAND.aiReview}, ${BAND.autoApprove}) (pipelines/demo.yaml); first pass alone sends all of it to people (coverage 0)`,
        evaluation: `both sides out-of-fold: grouped ${FOLDS}-fold CV over all files pooled. Fold k's first pass is the default model refitted on the other folds (its band, its baseline ranking, and the evidence's first-pass and claim logits); fold k's second stage is fitted on the other folds' band items, whose first-pass figures come from inner refits that never saw fold k.`,
        modelFeatures: MODEL_FEATURES,
        embeddedLatency: {
          model: 'shipped',
          items: lat.length,
          p50ms: round(percentile(lat, 50)),
          p99ms: round(percentile(lat, 99)),
          maxms: round(lat[lat.length - 1]),
        },
        files: perFile,
        pooled: summary(judged),
        inSampleFirstPassReference: inSampleFirstPass(dev),
      },
      null,
      2,
    ),
  );
}

main();
