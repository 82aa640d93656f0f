import { Analysis } from '../engine/analysis';
import { KNOWN_SIGNALS } from '../engine/known-names';
import { scoreOutput } from '../engine/score-output';
import type { ContextIndex } from '../engine/context-index';
import { factRoles } from './fact-roles.util';

/** The fact roles of an answer against its passages as `text:kind`, once each ('unanchored' left out). */
export function roles(context: string[], text: string): string[] {
  const a = new Analysis({
    input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) },
    output: { text },
  });
  const kinds = factRoles(a, a.context as ContextIndex)
    .filter((r) => r.kind !== 'unanchored')
    .map((r) => `${r.text}:${r.kind}`);
  return [...new Set(kinds)];
}

/** Scores an answer with every signal and the short-answer model on, as a demo-like policy would. */
export function scoreShortAnswer(context: string[], text: string) {
  return scoreOutput(
    { input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) }, output: { text } },
    {
      signals: Object.fromEntries(KNOWN_SIGNALS.map((s) => [s, { weight: 1 }])),
      validators: [],
      engine: { shortAnswers: true },
    },
  );
}
