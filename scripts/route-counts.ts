// npx tsx scripts/route-counts.ts [--approve-at 0.85] [--review-at 0.5] <file.jsonl>…
// Where the shipped model sends each labelled answer with the demo policy's thresholds, in both
// modes (the default, and `scoring.shortAnswers: true`): right answers approved · wrong answers
// approved · wrong answers below the AI-review band, with the AUROC: the counts the README's
// Evaluation reports for the support sets. It prints aggregates only, never an answer, so it can
// be run on a blind set without reading it. Every signal is on, no validators (as eval.ts's
// shipped rows).
import { auroc, scoreOutput } from '../libs/scoring/src';
import { fileLabel, jsonlArgs, loadEval, SHIPPED_MODES, toInput } from './scoring-data';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function main(): void {
  const approveAt = arg('approve-at', 0.85);
  const reviewAt = arg('review-at', 0.5);
  const files = jsonlArgs();
  if (!files.length) throw new Error('usage: route-counts.ts [--approve-at 0.85] <file.jsonl>…');
  console.log(`right approved · wrong approved · wrong < ${reviewAt} (approve ≥ ${approveAt})`);
  for (const file of files) {
    const records = loadEval(file);
    const right = records.map((r) => r.label === 'faithful');
    const cells = Object.entries(SHIPPED_MODES).map(([mode, config]) => {
      const scores = records.map((r) => scoreOutput(toInput(r), config).confidence);
      const count = (wanted: boolean, test: (p: number) => boolean) =>
        scores.filter((p, i) => right[i] === wanted && test(p)).length;
      const counts = [
        count(true, (p) => p >= approveAt),
        count(false, (p) => p >= approveAt),
        count(false, (p) => p < reviewAt),
      ].join(' · ');
      return `${mode} ${counts} (AUROC ${auroc(scores, right.map(Number)).toFixed(3)})`;
    });
    const n = `${right.filter(Boolean).length}/${right.filter((r) => !r).length}`;
    console.log(`${fileLabel(file)} (${n}): ${cells.join('   ')}`);
  }
}

main();
