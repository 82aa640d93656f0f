import type { Analysis } from './analysis';
import { memoKey } from './call-memo';

/** Content words at which an output counts as 1/e short (a one-line support answer has 4–12). */
export const SHORT_WORDS = 12;

/**
 * A short answer has at most this many content words: it paraphrases more than it copies, so
 * its negation is compared with the passage even when they share few words, and its day names
 * are checked as facts (in summaries they hurt more than they helped on SummEdits).
 */
export const SHORT_ANSWER_WORDS = 18;

const SHORTNESS = memoKey<number>('shortness');

/** Content words of the output, summed over its sentences. */
export function contentWords(analysis: Analysis): number {
  let words = 0;
  for (const s of analysis.sentences) words += s.content.length;
  return words;
}

/** Whether the output is a short answer (see SHORT_ANSWER_WORDS). */
export function isShortAnswer(analysis: Analysis): boolean {
  return contentWords(analysis) <= SHORT_ANSWER_WORDS;
}

/**
 * exp(−content words / SHORT_WORDS): near 1 for a one-line chat reply, near 0 for a summary.
 * Signals multiply their fact checks by it (the `short*` features) so the fitted model can weigh
 * a short answer by its few facts and a long one by how it copies its source.
 */
export function shortness(analysis: Analysis): number {
  return analysis.memo.get(SHORTNESS, () => Math.exp(-contentWords(analysis) / SHORT_WORDS));
}
