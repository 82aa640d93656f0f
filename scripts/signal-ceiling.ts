// npx tsx scripts/signal-ceiling.ts <file.jsonl>…
// The ceiling of the lexical signals: per labelled file, how many right and how many wrong
// answers have every signal at its best (grounding 1; numbers, entities, contradiction and
// relevance 1 or not applicable), scored as a policy without `signals:` would. No weighting of
// the signals can tell those answers apart, since every feature they give says the same.
// Aggregates only: safe on a blind set.
import { scoreOutput } from '../libs/scoring/src';
import { fileLabel, jsonlArgs, loadEval, SHIPPED_MODES, toInput } from './scoring-data';

const BEST = 0.99;
const JUDGED = ['numbers', 'entities', 'contradiction', 'relevance'];

function allAtBest(signals: { name: string; score: number | null }[]): boolean {
  const score = new Map(signals.map((s) => [s.name, s.score]));
  const best = (name: string) => {
    const s = score.get(name);
    return s === null || s === undefined || s >= BEST;
  };
  return (score.get('grounding') ?? 0) >= BEST && JUDGED.every(best);
}

function main(): void {
  const files = jsonlArgs();
  if (!files.length) throw new Error('usage: signal-ceiling.ts <file.jsonl>…');
  console.log('file: right answers with every signal at its best · wrong ones (of right · wrong)');
  for (const file of files) {
    const records = loadEval(file);
    const count = { right: 0, wrong: 0, rightAll: 0, wrongAll: 0 };
    for (const r of records) {
      const right = r.label === 'faithful';
      const { signals } = scoreOutput(toInput(r), SHIPPED_MODES.default);
      if (right) count.right++;
      else count.wrong++;
      if (allAtBest(signals)) {
        if (right) count.rightAll++;
        else count.wrongAll++;
      }
    }
    console.log(
      `${fileLabel(file)}: ${count.rightAll} · ${count.wrongAll} (of ${count.right} · ${count.wrong})`,
    );
  }
}

main();
