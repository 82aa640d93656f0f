// npm run bench:ai-review [-- <eval.jsonl>…]
// Prints JSON: the embedded AI reviewer's latency per item (p50/p99) and, on ../shared/eval,
// what it adds over the first-pass score alone on the doubtful band. Reads the eval files in
// place (read-only); copies no data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewEmbedded, type ReviewItem, type Verdict } from '../libs/ai-review/src';
import { KNOWN_SIGNALS, scoreOutput, type ScoringConfig } from '../libs/scoring/src';

const EVAL_DIR = join(__dirname, '../../shared/eval');
// The first pass as a pipeline would run it: every signal (no logprobs in the eval data).
const FIRST_PASS: ScoringConfig = {
  signals: Object.fromEntries(KNOWN_SIGNALS.map((s) => [s, { weight: 1 }])),
  validators: [],
};
// The doubtful band of the shipped demo policy (pipelines/demo.yaml): aiReview 0.5 ≤ c < autoApprove 0.85.
const BAND = { aiReview: 0.5, autoApprove: 0.85 };
const APPROVE_AT = [0.6, 0.7, 0.8];

interface Row {
  prompt?: string;
  context: string[];
  output: string;
  label: 'faithful' | 'hallucinated';
}

interface Judged {
  first: number;
  verdict: Verdict;
  faithful: boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
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
  const firstTop = [...band].sort((a, b) => b.first - a.first).slice(0, k);
  const p = precision(approved);
  const p0 = precision(firstTop);
  // Coverage the first pass reaches at the embedded reviewer's precision (largest top-k with precision ≥ p).
  let matched = 0;
  if (p !== null) {
    const sorted = [...band].sort((a, b) => b.first - a.first);
    let good = 0;
    sorted.forEach((j, i) => {
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
    wrongRejects: band.filter((j) => j.verdict.verdict === 'reject' && j.faithful).length,
    rejects: band.filter((j) => j.verdict.verdict === 'reject').length,
  };
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
  const latencies: number[] = [];
  const perFile: Record<string, unknown> = {};
  const all: Judged[] = [];
  for (const file of files) {
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row);
    const band: Judged[] = [];
    for (const r of rows) {
      const context = r.context.map((text, i) => ({ id: `c${i}`, text }));
      const first = scoreOutput(
        { input: { prompt: r.prompt, context }, output: { text: r.output } },
        FIRST_PASS,
      ).confidence;
      if (first < BAND.aiReview || first >= BAND.autoApprove) continue;
      const item: ReviewItem = { prompt: r.prompt, context, output: r.output, samples: [] };
      const t0 = process.hrtime.bigint();
      const verdict = reviewEmbedded(item);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      band.push({ first, verdict, faithful: r.label === 'faithful' });
    }
    all.push(...band);
    perFile[file.split('/').pop() as string] = {
      records: rows.length,
      band: band.length,
      bandFaithfulShare: round(precision(band)),
      verdicts: {
        approve: band.filter((j) => j.verdict.verdict === 'approve').length,
        reject: band.filter((j) => j.verdict.verdict === 'reject').length,
        unsure: band.filter((j) => j.verdict.verdict === 'unsure').length,
      },
      byApproveAt: APPROVE_AT.map((a) => compare(band, a)),
    };
  }
  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        node: process.version,
        band: `first-pass confidence in [${BAND.aiReview}, ${BAND.autoApprove}) (pipelines/demo.yaml); first pass alone sends all of it to people (coverage 0)`,
        embeddedLatency: {
          items: latencies.length,
          p50ms: round(percentile(latencies, 50)),
          p99ms: round(percentile(latencies, 99)),
          maxms: round(latencies[latencies.length - 1]),
        },
        files: perFile,
        pooled: {
          band: all.length,
          bandFaithfulShare: round(precision(all)),
          byApproveAt: APPROVE_AT.map((a) => compare(all, a)),
        },
      },
      null,
      2,
    ),
  );
}

main();
