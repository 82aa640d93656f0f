// npm run eval -- ../shared/eval/*.jsonl [--folds 5] [--alpha 0.05] [--delta 0.05] [--approve-at 0.85] [--json out.json]
// Cross-validated AUROC, ECE, Brier and precision/coverage at the chosen auto-approve
// threshold, per file, for the engine and two baselines (length only, plain word overlap); and
// the shipped default model as a pipeline without signals: uses it, approving at --approve-at
// (the demo policy's autoApprove). That row is held out only for files the model was not fitted on.
import { writeFileSync } from 'node:fs';
import { auroc, brier, ece, scoreOutput } from '../libs/scoring/src';
import {
  featureTable,
  fileLabel,
  jsonlArgs,
  SHIPPED_MODES,
  groupedFolds,
  LAMBDA,
  loadEval,
  equalFileWeights,
  nestedCv,
  signedFitter,
  signalOutputs,
  toInput,
  type EvalRecord,
} from './scoring-data';

interface Row {
  file: string;
  method: string;
  n: number;
  auroc: number;
  ece: number;
  brier: number;
  coverage: number;
  precision: number | null;
  realisedError: number | null;
  approved: number;
  /** Null for the shipped model, which has no folds. */
  foldsWithThreshold: number | null;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Plain word overlap: share of the output's distinct lower-cased words found in the context. */
function wordOverlap(r: EvalRecord): number {
  const ctx = new Set((r.context.join(' ').toLowerCase().match(WORD) ?? []) as string[]);
  const words = [...new Set((r.output.toLowerCase().match(WORD) ?? []) as string[])];
  return words.length ? words.filter((w) => ctx.has(w)).length / words.length : 1;
}

function evaluate(
  file: string,
  method: string,
  rows: number[][],
  labels: number[],
  folds: number[],
  alpha: number,
  delta: number,
): Row {
  const cv = nestedCv(rows, labels, folds, alpha, delta);
  const approvedIdx = cv.approved.map((a, i) => (a ? i : -1)).filter((i) => i >= 0);
  const wrong = approvedIdx.filter((i) => labels[i] === 0).length;
  return {
    file,
    method,
    n: labels.length,
    auroc: auroc(cv.probs, labels),
    ece: ece(cv.probs, labels),
    brier: brier(cv.probs, labels),
    coverage: approvedIdx.length / labels.length,
    precision: approvedIdx.length ? 1 - wrong / approvedIdx.length : null,
    realisedError: approvedIdx.length ? wrong / approvedIdx.length : null,
    approved: approvedIdx.length,
    foldsWithThreshold: cv.thresholds.filter((t) => t.threshold !== null).length,
  };
}

/**
 * The shipped default model's recipe, cross-validated: one model over all files pooled
 * (grouped folds across files; files weighted equally; feature signs constrained as in
 * scripts/fit-scoring-model.ts), then metrics and approvals reported per file.
 */
function evaluatePooled(
  files: { name: string; records: EvalRecord[]; labels: number[] }[],
  outputs: ReturnType<typeof signalOutputs>,
  k: number,
  alpha: number,
  delta: number,
): Row[] {
  const records = files.flatMap((f) => f.records);
  const labels = files.flatMap((f) => f.labels);
  const table = featureTable(outputs);
  const weights = equalFileWeights(files.flatMap((f) => f.labels.map(() => f.name)));
  const cv = nestedCv(
    table.rows,
    labels,
    groupedFolds(records, k),
    alpha,
    delta,
    LAMBDA,
    signedFitter(table.names),
    weights,
  );
  let offset = 0;
  return files.map((f) => {
    const idx = f.labels.map((_, i) => offset + i);
    offset += f.labels.length;
    const probs = idx.map((i) => cv.probs[i]);
    const approved = idx.filter((i) => cv.approved[i]);
    const wrong = approved.filter((i) => labels[i] === 0).length;
    return {
      file: f.name,
      method: 'default recipe (pooled CV)',
      n: f.labels.length,
      auroc: auroc(probs, f.labels),
      ece: ece(probs, f.labels),
      brier: brier(probs, f.labels),
      coverage: approved.length / f.labels.length,
      precision: approved.length ? 1 - wrong / approved.length : null,
      realisedError: approved.length ? wrong / approved.length : null,
      approved: approved.length,
      foldsWithThreshold: cv.thresholds.filter((t) => t.threshold !== null).length,
    };
  });
}

/** The shipped model with every signal (a policy without `signals:`), approving at a fixed threshold. */
function evaluateShipped(
  file: string,
  records: EvalRecord[],
  labels: number[],
  approveAt: number,
  mode: keyof typeof SHIPPED_MODES = 'default',
): Row {
  const config = SHIPPED_MODES[mode];
  const probs = records.map((r) => scoreOutput(toInput(r), config).confidence);
  const approved = probs.map((p, i) => (p >= approveAt ? i : -1)).filter((i) => i >= 0);
  const wrong = approved.filter((i) => labels[i] === 0).length;
  return {
    file,
    method: `shipped model${mode === 'shortAnswers' ? ' + shortAnswers' : ''}, approve ≥ ${approveAt}`,
    n: labels.length,
    auroc: auroc(probs, labels),
    ece: ece(probs, labels),
    brier: brier(probs, labels),
    coverage: approved.length / labels.length,
    precision: approved.length ? 1 - wrong / approved.length : null,
    realisedError: approved.length ? wrong / approved.length : null,
    approved: approved.length,
    foldsWithThreshold: null,
  };
}

function main(): void {
  const files = jsonlArgs();
  if (!files.length) throw new Error('usage: npm run eval -- <file.jsonl>…');
  const k = Number(arg('folds', '5'));
  const alpha = Number(arg('alpha', '0.05'));
  const delta = Number(arg('delta', '0.05'));
  const approveAt = Number(arg('approve-at', '0.85'));
  const results: Row[] = [];
  const shipped: Row[] = [];
  const pooledOutputs: ReturnType<typeof signalOutputs> = [];
  const pooled: { name: string; records: EvalRecord[]; rows: number[][]; labels: number[] }[] = [];
  const timing: Record<string, { scorings: number; seconds: number; perSecond: number }> = {};
  for (const file of files) {
    const name = fileLabel(file);
    const records = loadEval(file);
    const labels = records.map((r) => (r.label === 'faithful' ? 1 : 0));
    const folds = groupedFolds(records, k);
    const t0 = process.hrtime.bigint();
    const outputs = signalOutputs(records);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    timing[name] = { scorings: records.length, seconds, perSecond: records.length / seconds };
    const table = featureTable(outputs);
    pooled.push({ name, records, rows: [], labels });
    pooledOutputs.push(...outputs);
    results.push(evaluate(name, 'arbiter (per-file CV)', table.rows, labels, folds, alpha, delta));
    results.push(
      evaluate(
        name,
        'length only',
        records.map((r) => [Math.log1p(r.output.length)]),
        labels,
        folds,
        alpha,
        delta,
      ),
    );
    results.push(
      evaluate(
        name,
        'word overlap',
        records.map((r) => [wordOverlap(r)]),
        labels,
        folds,
        alpha,
        delta,
      ),
    );
    shipped.push(evaluateShipped(name, records, labels, approveAt));
    // As pipelines/demo.yaml scores: the short-answer model on (scoring.shortAnswers).
    shipped.push(evaluateShipped(name, records, labels, approveAt, 'shortAnswers'));
  }
  if (pooled.length > 1) results.push(...evaluatePooled(pooled, pooledOutputs, k, alpha, delta));
  results.push(...shipped);
  const fmt = (x: number | null, d = 3): string =>
    x === null || Number.isNaN(x) ? '—' : x.toFixed(d);
  const header = [
    'file',
    'method',
    'n',
    'AUROC',
    'ECE',
    'Brier',
    'coverage',
    'precision',
    'error',
    'approved',
    'folds w/ λ',
  ];
  const lines = results.map((r) => [
    r.file,
    r.method,
    String(r.n),
    fmt(r.auroc),
    fmt(r.ece),
    fmt(r.brier),
    fmt(r.coverage),
    fmt(r.precision),
    fmt(r.realisedError),
    String(r.approved),
    r.foldsWithThreshold === null ? '—' : `${r.foldsWithThreshold}/${k}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const show = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(
    `${k}-fold grouped nested CV; threshold: Clopper–Pearson, alpha=${alpha}, delta=${delta}, chosen on training folds only\n`,
  );
  console.log(show(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.forEach((l) => console.log(show(l)));
  const json = { folds: k, alpha, delta, results, featureTiming: timing };
  console.log(`\n${JSON.stringify(json)}`);
  const out = arg('json', '');
  if (out) writeFileSync(out, JSON.stringify(json, null, 2));
}

main();
