// npm run bench:scoring [-- <eval.jsonl>…]
// Prints JSON: latency of one scoring (2 KB output, 20 KB context, 5 samples, all signals and
// gates) and throughput over the eval files, on one core (this process, no workers).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KNOWN_SIGNALS,
  scoreOutput,
  type ScoringConfig,
  type ScoringInput,
} from '../libs/scoring/src';

const EVAL_DIR = join(__dirname, '../../shared/eval');

const config: ScoringConfig = {
  signals: Object.fromEntries(KNOWN_SIGNALS.map((s) => [s, { weight: 1 }])),
  validators: [
    {
      type: 'phrases',
      onFail: 'human',
      deny: ['fraudulent claim', 'guaranteed returns'],
      suggest: 'claim not covered by policy',
    },
    { type: 'pii', onFail: 'human' },
    { type: 'safety', onFail: 'reject' },
    { type: 'integrity', onFail: 'human' },
    { type: 'language', onFail: 'human', allowed: ['en', 'ms', 'tl', 'th'] },
    { type: 'length', onFail: 'flag', max: 20_000 },
  ],
};

interface Row {
  prompt?: string;
  context: string[];
  output: string;
}

function load(files: string[]): Row[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A 2 KB output against a 20 KB context with 5 samples, built from real summaries and documents. */
function bigCase(rows: Row[]): ScoringInput {
  const docs = rows.filter((r) => r.context.join('').length > 1000);
  let context = '';
  let output = '';
  for (let i = 0; context.length < 20_000; i++)
    context += `${docs[i % docs.length].context.join('\n')}\n`;
  for (let i = 0; output.length < 2_000; i++) output += `${docs[i % docs.length].output} `;
  const samples = [1, 2, 3, 4, 5].map((k) => `${docs[k].output} ${output.slice(0, 1500)}`);
  return {
    input: {
      prompt: 'Summarize the document.',
      context: [{ id: 'c1', text: context.slice(0, 20_000) }],
    },
    output: { text: output.slice(0, 2_000), samples },
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
  const rows = load(files);
  const big = bigCase(rows);
  // Warm-up: lazily built lexicons and V8's optimising tiers (50 calls left tier-up and its
  // deoptimisations inside the timed loop). 2,000 timed calls put 20 behind the p99, not 5.
  for (let i = 0; i < 300; i++) scoreOutput(big, config);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    scoreOutput(big, config);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const inputs: ScoringInput[] = rows.map((r) => ({
    input: { prompt: r.prompt, context: r.context.map((text, i) => ({ id: `c${i}`, text })) },
    output: { text: r.output },
  }));
  for (const input of inputs.slice(0, 200)) scoreOutput(input, config);
  const t0 = process.hrtime.bigint();
  for (const input of inputs) scoreOutput(input, config);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const result = {
    node: process.version,
    single: {
      outputBytes: Buffer.byteLength(big.output.text ?? ''),
      contextBytes: Buffer.byteLength(big.input.context?.[0].text ?? ''),
      samples: big.output.samples?.length,
      iterations: times.length,
      p50ms: round(percentile(times, 50)),
      p99ms: round(percentile(times, 99)),
      maxms: round(times[times.length - 1]),
    },
    throughput: {
      files: files.map((f) => f.split('/').pop()),
      scorings: inputs.length,
      seconds: round(seconds),
      perSecond: Math.round(inputs.length / seconds),
    },
    config: {
      signals: Object.keys(config.signals),
      validators: config.validators.map((v) => v.type),
    },
  };
  console.log(JSON.stringify(result, null, 2));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
