// Writes data/support-answers/support-answers-{dev,test}.jsonl from the scenarios beside it:
//   npx tsx scripts/support-answers/build-support-answers.ts
// Every third scenario of each language goes to the test file, whole (its passages are shared by
// its answers, so a split by answer would leak). Nothing is fitted or tuned on the test file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalRecord } from '../scoring-data';
import { CODE_SWITCHED } from './code-switched.scenarios';
import { ENGLISH } from './english.scenarios';
import { MALAY } from './malay.scenarios';
import type { Scenario } from './scenario';
import { TAGALOG } from './tagalog.scenarios';

const OUT = join(__dirname, '../../data/support-answers');

function records(s: Scenario): EvalRecord[] {
  const base = { source: 'arbiter-support-answers', prompt: s.question, context: s.passages };
  const meta = { lang: s.lang, domain: s.domain, scenario: s.id };
  return [
    ...s.right.map((output, i) => ({
      id: `${s.id}-r${i + 1}`,
      ...base,
      output,
      label: 'faithful' as const,
      meta: { ...meta, kind: 'paraphrase' },
    })),
    ...s.wrong.map(([kind, output], i) => ({
      id: `${s.id}-w${i + 1}`,
      ...base,
      output,
      label: 'hallucinated' as const,
      meta: { ...meta, kind },
    })),
  ];
}

function main(): void {
  const split = { dev: [] as EvalRecord[], test: [] as EvalRecord[] };
  for (const language of [ENGLISH, MALAY, TAGALOG, CODE_SWITCHED])
    language.forEach((s, i) => split[i % 3 === 2 ? 'test' : 'dev'].push(...records(s)));
  for (const [name, rows] of Object.entries(split)) {
    const file = join(OUT, `support-answers-${name}.jsonl`);
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`${file}: ${rows.length} records`);
  }
}

main();
