// npm run eval:validators [-- --json out.json]
// Precision and recall of the tone and regulatedAdvice validators on their labelled sets
// (data/validators, written for Arbiter, CC0), dev and holdout apart. Lexicons are tuned on dev
// only; holdout is measured, never tuned on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { KNOWN_VALIDATORS, scoreOutput, type ValidatorConfig } from '../libs/scoring/src';

interface Row {
  id: string;
  language: string;
  label: string;
  text: string;
}
interface Score {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

const DATA = join(__dirname, '../data/validators');
const load = (file: string): Row[] =>
  readFileSync(join(DATA, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

function prf(label: string, gold: string[][], predicted: string[][]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p.includes(label) && g.includes(label)) tp++;
    else if (p.includes(label)) fp++;
    else if (g.includes(label)) fn++;
  });
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  return { label, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

// Bands halfway between the targets' places on the scale (formal 0.85, neutral 0.55, casual 0.25).
function toneLabel(formality: number): string {
  return formality >= 0.7 ? 'formal' : formality <= 0.4 ? 'casual' : 'neutral';
}

const TONE: ValidatorConfig = { type: 'tone', onFail: 'flag', target: 'neutral' };
const ADVICE: ValidatorConfig = { type: 'regulatedAdvice', onFail: 'human' };

function languageOf(row: Row): string | undefined {
  return row.language.includes('_') ? undefined : row.language;
}

function evalTone(rows: Row[]): Score[] {
  const predicted = rows.map((r) => {
    const g = scoreOutput(
      { input: { language: languageOf(r) }, output: { text: r.text } },
      { signals: {}, validators: [TONE] },
    ).gates[0];
    return [toneLabel(g.metrics?.['tone.formality'] ?? 0.5)];
  });
  const gold = rows.map((r) => [r.label]);
  return ['formal', 'neutral', 'casual'].map((l) => prf(l, gold, predicted));
}

function evalAdvice(rows: Row[]): Score[] {
  const predicted = rows.map((r) => {
    const g = scoreOutput(
      { input: { language: languageOf(r) }, output: { text: r.text } },
      { signals: {}, validators: [ADVICE] },
    ).gates[0];
    const domains = g.findings.map((f) => f.code.split('.')[1]);
    return domains.length ? [...domains, 'advice'] : ['none'];
  });
  const gold = rows.map((r) => (r.label === 'none' ? ['none'] : [r.label, 'advice']));
  return ['advice', 'medical', 'legal', 'financial'].map((l) => prf(l, gold, predicted));
}

const report: Record<string, Record<string, Score[]>> = { tone: {}, regulatedAdvice: {} };
const sizes: Record<string, number> = {};
for (const split of ['dev', 'holdout']) {
  const tone = load(`tone-${split}.jsonl`);
  const advice = load(`regulated-advice-${split}.jsonl`);
  sizes[`tone-${split}`] = tone.length;
  sizes[`regulated-advice-${split}`] = advice.length;
  report.tone[split] = evalTone(tone);
  if (KNOWN_VALIDATORS.includes('regulatedAdvice'))
    report.regulatedAdvice[split] = evalAdvice(advice);
}

const fmt = (x: number | null) => (x === null ? '  —  ' : x.toFixed(3));
for (const [validator, splits] of Object.entries(report)) {
  console.log(`\n${validator}`);
  console.log('split     label      n      P      R     tp  fp  fn');
  for (const [split, scores] of Object.entries(splits)) {
    const n = sizes[`${validator === 'tone' ? 'tone' : 'regulated-advice'}-${split}`];
    for (const s of scores)
      console.log(
        `${split.padEnd(9)} ${s.label.padEnd(10)} ${String(n).padStart(3)}  ${fmt(s.precision)}  ${fmt(s.recall)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`,
      );
  }
}

// Cost per output, the whole labelled set through the gates (warm).
const all = [...load('tone-dev.jsonl'), ...load('regulated-advice-dev.jsonl')];
const t0 = performance.now();
for (let i = 0; i < 5; i++)
  for (const r of all)
    scoreOutput(
      { input: {}, output: { text: r.text } },
      {
        signals: {},
        validators: KNOWN_VALIDATORS.includes('regulatedAdvice') ? [TONE, ADVICE] : [TONE],
      },
    );
console.log(
  `\ncost: ${((performance.now() - t0) / (5 * all.length)).toFixed(3)} ms per sentence (tone + regulatedAdvice)`,
);

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ sizes, report }, null, 2));
