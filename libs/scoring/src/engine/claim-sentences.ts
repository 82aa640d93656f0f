import type { ClaimScore, ScoringInput, ScoringModel } from '../scoring.types';
import type { Token } from '../text/tokens.util';
import { speaksAsI } from '../text/first-person.util';
import { isSocialSentence } from '../text/social-sentences.util';
import { Analysis } from './analysis';
import { combineFitted, type WeighedInput } from './combiner';
import {
  CONTRADICTED_SHORT_ANSWER_CAP,
  groundedEnough,
  hasCheckableFact,
  MAX_SHORT_ANSWER_WORDS,
  MIN_SHORT_ANSWER_WORDS,
  shortAnswerContradictions,
} from './short-answer-regime';
import { contentWords } from './shortness';

/** The weakest judged sentence decides: its confidence and logit, with every sentence's. */
export interface ClaimsVerdict {
  confidence: number;
  logit: number;
  claims: ClaimScore[];
}

/**
 * Judges an answer of several sentences one sentence at a time with the short-answer model,
 * when the whole is too long for it but each of its claims is a short answer: "Hi! It's a flat
 * $35 per freeze. The request needs to go in at least a week before it starts. Anything else?".
 * Support bots answer like this (a greeting, two or three short claims, an offer of more help);
 * on the blind support sets most answers were 15–30 content words, which left them to the pooled
 * model, which approves no support answer.
 *
 * Returns null (the pooled model judges the whole) unless:
 * - the prompt asks a question (a summary of a document is judged whole: on summedits-dev two
 *   short sentences each checked out while their pair swapped "quarter" for "yearly");
 * - the answer does not speak in the first person singular (see isShortAnswerCase);
 * - every sentence is courtesy only (skipped: "Hi!", "Terima kasih!") or a short answer of MIN_SHORT_ANSWER_WORDS to
 *   MAX_SHORT_ANSWER_WORDS content words whose words the context mostly has, and at least one
 *   has a figure or day. A claim without a figure is judged too: a negation or an opposite in
 *   it is one wrong fact like a wrong number.
 *
 * Each sentence is capped like a short answer when a fact of it is contradicted.
 */
export function judgeBySentences(
  input: ScoringInput,
  analysis: Analysis,
  short: ScoringModel,
  signalsOf: (claim: ScoringInput, analysis: Analysis) => WeighedInput[],
): ClaimsVerdict | null {
  if (!analysis.context || !asksQuestion(input.input.prompt) || speaksAsI(analysis.text))
    return null;
  const claims: ClaimScore[] = [];
  let facts = 0;
  for (const sentence of claimSpans(analysis)) {
    if (isSocialSentence(sentence.tokens)) continue;
    const text = analysis.text.slice(sentence.start, sentence.end);
    const claim: ScoringInput = { ...input, output: { text } };
    const part = new Analysis(claim, analysis.context);
    const words = contentWords(part);
    if (words < MIN_SHORT_ANSWER_WORDS || words > MAX_SHORT_ANSWER_WORDS) return null;
    const inputs = signalsOf(claim, part);
    if (!groundedEnough(inputs)) return null;
    const combined = combineFitted(inputs, short);
    const capped = shortAnswerContradictions(part).length > 0;
    const confidence = capped
      ? Math.min(combined.confidence, CONTRADICTED_SHORT_ANSWER_CAP)
      : combined.confidence;
    claims.push({ start: sentence.start, end: sentence.end, confidence, logit: combined.logit });
    if (hasCheckableFact(text)) facts++;
  }
  if (facts === 0) return null;
  const weakest = claims.reduce((a, b) => (b.confidence < a.confidence ? b : a));
  return { confidence: weakest.confidence, logit: weakest.logit, claims };
}

/**
 * The output's sentences, each cut again at its semicolons: "Filing is online; the deadline is
 * 15 May" is two claims, each short, where the sentence is not.
 */
function claimSpans(analysis: Analysis): { start: number; end: number; tokens: Token[] }[] {
  const spans: { start: number; end: number; tokens: Token[] }[] = [];
  for (const sentence of analysis.sentences) {
    let start = sentence.start;
    const cut = (end: number) => {
      const tokens = sentence.tokens.filter((t) => t.start >= start && t.end <= end);
      if (tokens.length) spans.push({ start: tokens[0].start, end, tokens });
    };
    for (const m of analysis.text.slice(sentence.start, sentence.end).matchAll(/;\s*/g)) {
      cut(sentence.start + m.index);
      start = sentence.start + m.index + m[0].length;
    }
    cut(sentence.end);
  }
  return spans;
}

/** A prompt holding a question mark (any script's): an answer is expected, not a summary. */
function asksQuestion(prompt: string | undefined): boolean {
  return prompt !== undefined && /[?？؟]/.test(prompt);
}
