// npx tsx scripts/scoring-dump.ts [--out dump.tsv] [--reps 3] <file.jsonl>…
// For a change that must not change any output (a speed-up, a refactor): writes every record's
// score in both modes (the default model, and `scoring.shortAnswers: true`) and its signal
// features, one line each, so two checkouts' dumps can be compared with `cmp`; then prints the
// submissions per second of the default mode over all the files, in-process (after a warm-up),
// per timed pass over them. Every signal is on, no validators (as eval.ts's shipped rows).
import { writeFileSync } from 'node:fs';
import { computeSignals, scoreOutput, type ScoringConfig } from '../libs/scoring/src';
import { fileLabel, jsonlArgs, loadEval, SHIPPED_MODES, toInput } from './scoring-data';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

// "short" is the mode's name in the dumps, which are compared with older checkouts' dumps.
const MODES: Record<string, ScoringConfig> = {
  default: SHIPPED_MODES.default,
  short: SHIPPED_MODES.shortAnswers,
};

function main(): void {
  const files = jsonlArgs();
  if (!files.length) throw new Error('usage: scoring-dump.ts [--out dump.tsv] <file.jsonl>…');
  const inputs = files.map((f) => ({ name: fileLabel(f), records: loadEval(f) }));
  const out = arg('out');
  if (out) {
    const lines: string[] = [];
    for (const { name, records } of inputs) {
      for (const [mode, config] of Object.entries(MODES))
        for (const r of records)
          lines.push(
            [name, mode, r.id, JSON.stringify(scoreOutput(toInput(r), config))].join('\t'),
          );
      for (const r of records) {
        const features = computeSignals(toInput(r), MODES.default).map((s) => [
          s.name,
          s.output.features,
        ]);
        lines.push([name, 'features', r.id, JSON.stringify(features)].join('\t'));
      }
    }
    writeFileSync(out, `${lines.join('\n')}\n`);
  }
  const all = inputs.flatMap((f) => f.records.map(toInput));
  for (const input of all.slice(0, 200)) scoreOutput(input, MODES.default);
  const rates: number[] = [];
  for (let k = 0; k < Number(arg('reps') ?? 3); k++) {
    const t0 = process.hrtime.bigint();
    for (const input of all) scoreOutput(input, MODES.default);
    rates.push(Math.round(all.length / (Number(process.hrtime.bigint() - t0) / 1e9)));
  }
  console.log(`${all.length} scorings (default mode), submissions/s per pass: ${rates.join(' ')}`);
}

main();
