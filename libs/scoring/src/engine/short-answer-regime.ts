import type { ScoringInput, ScoringModel } from '../scoring.types';
import { Analysis } from './analysis';
import type { WeighedInput } from './combiner';
import { contentWords, isShortAnswer } from './shortness';
import { extractQuantities } from '../text/numbers.util';
import { extractWeekdays } from '../text/weekdays.util';

/**
 * Fewer content words than this is a bare span ("Paris."), HaluEval's right answers, which the
 * pooled model was fitted on and the short-answer model (support answers, 3+ words) never saw.
 */
export const MIN_SHORT_ANSWER_WORDS = 3;

/**
 * Whether an output is judged as a short answer: it has a context to be checked against and
 * MIN_SHORT_ANSWER_WORDS to SHORT_ANSWER_WORDS content words. Such an answer stands or falls by its few facts
 * (numbers, days, names, negations, key words), which a model calibrated over summaries and
 * dialogue weighs like an average chat reply.
 */
export function isShortAnswerCase(analysis: Analysis): boolean {
  return (
    analysis.context !== null &&
    isShortAnswer(analysis) &&
    contentWords(analysis) >= MIN_SHORT_ANSWER_WORDS &&
    hasCheckableFact(analysis.text)
  );
}

/**
 * A number, amount, date or day name: what the short-answer model checks. A short reply without
 * one (a dialogue turn, an opinion, a one-line summary) stays with the pooled model: judged by
 * the short-answer model, BEGIN's unattributable chat replies were approved (shipped-model AUROC
 * on begin-dev 0.947 → 0.664 with every short reply; the regime is opt-in for that reason too).
 */
function hasCheckableFact(text: string): boolean {
  return extractQuantities(text).length > 0 || extractWeekdays(text).length > 0;
}

/** isShortAnswerCase for a submission (the fit and eval scripts select rows with it). */
export function isShortAnswerInput(input: ScoringInput): boolean {
  return isShortAnswerCase(new Analysis(input));
}

/**
 * The model that judges this output: `model.shortAnswers` for a short answer when the policy
 * enables (with a non-zero weight) every signal that model reads, else `model` itself. A policy
 * that leaves out, say, `numbers` keeps the pooled model: the short-answer model was fitted
 * with every fact check present, and a wrong number it cannot see must not be approved.
 */
export function modelFor(
  model: ScoringModel,
  analysis: Analysis,
  inputs: readonly WeighedInput[],
): ScoringModel {
  const short = model.shortAnswers;
  if (!short) return model;
  // The signals first: a policy without them (validators only) must not pay for the context
  // index that isShortAnswerCase builds.
  const enabled = new Set(inputs.filter((i) => i.policyWeight > 0).map((i) => i.name));
  const reads = new Set([...short.features.map((f) => f.signal), ...Object.keys(short.missing)]);
  for (const signal of reads) if (!enabled.has(signal)) return model;
  return isShortAnswerCase(analysis) ? short : model;
}
