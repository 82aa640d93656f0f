import type { ScoreCap, ScoringInput, ScoringModel, SignalResult } from '../scoring.types';
import { Analysis } from './analysis';
import type { WeighedInput } from './combiner';
import { contentWords } from './shortness';
import { extractQuantities } from '../text/numbers.util';
import { extractWeekdays } from '../text/weekdays.util';
import { factRoles, type FactRole } from '../signals/fact-roles.util';
import { speaksAsI } from '../text/first-person.util';

/**
 * Fewer content words than this is a bare span ("Paris."), HaluEval's right answers, which the
 * pooled model was fitted on and the short-answer model (support answers, 3+ words) never saw.
 */
export const MIN_SHORT_ANSWER_WORDS = 3;

/**
 * More content words than this is a one-line summary more than an answer (SummEdits' short
 * items: 15–18 words, with a swapped word the fact checks do not see), which the pooled model
 * judges. On the *-dev sets the short-answer model approved 37 SummEdits items above it, 18 of
 * them wrong, and 1 of 29 right support answers.
 */
export const MAX_SHORT_ANSWER_WORDS = 14;

/**
 * Whether an output is judged as a short answer: it has a context to be checked against and
 * MIN_SHORT_ANSWER_WORDS to MAX_SHORT_ANSWER_WORDS content words. Such an answer stands or falls by its few facts
 * (numbers, days, names, negations, key words), which a model calibrated over summaries and
 * dialogue weighs like an average chat reply.
 *
 * A reply in the first person singular is a chat turn about its speaker, not an answer from a
 * knowledge base: on begin-dev 353 of 1,000 replies say "I", "my" or "me" and 19 of them are
 * faithful (the rest add the speaker's own experience to a grounded figure, "I think he was born
 * in Washington in 1987"); no answer of the support sets does. The pooled model, which weighs
 * the unattributable words, judges it. (Chosen on begin-dev: its short-answer rows are in-sample
 * for this rule.)
 */
export function isShortAnswerCase(analysis: Analysis): boolean {
  return (
    analysis.context !== null &&
    contentWords(analysis) >= MIN_SHORT_ANSWER_WORDS &&
    contentWords(analysis) <= MAX_SHORT_ANSWER_WORDS &&
    hasCheckableFact(analysis.text) &&
    !speaksAsI(analysis.text)
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
  if (!isShortAnswerCase(analysis)) return model;
  // The short-answer model reads fact checks only (its grounding weights fitted to 0): a reply
  // whose one grounded number sits among words the context does not have (BEGIN's chat, "I
  // always use mine to hunt rats") is no paraphrase of it, and the pooled model, which weighs
  // those words, judges it. Chosen on support-answers-dev and the shared *-dev sets.
  const grounding = inputs.find((i) => i.name === 'grounding')?.output.features;
  const support = grounding?.['grounding.support'];
  if (support !== undefined && support < MIN_SHORT_ANSWER_SUPPORT) return model;
  return short;
}

/**
 * Below this share of its content words found in the context (grounding.support), a short
 * answer is judged by the pooled model. On the *-dev sets' short answers the short-answer model
 * approved: support-answers 29 right, 1 wrong, of which 1 right is under 0.4; BEGIN 23 right, 29
 * wrong, of which 19 wrong and no right are under 0.4.
 */
export const MIN_SHORT_ANSWER_SUPPORT = 0.4;

/**
 * The most a short answer may score when one of its facts is bound the other way round in the
 * sentence holding it ("60 minutes for domestic" where it says 45) or to another item's values
 * in another sentence ("$35 for 10 GB" where $35 is the other pass's), stands against an
 * opposite there ("nagbubukas" where it says "magsasara"; also checked for a claim without a
 * figure, "pemasangan berbayar" against "percuma"), flips a negation, gives other days than the
 * passage's range, or comes with a name that sentence lacks ("Elmhurst College was founded in
 * 1874" where 1874 is another college's): the Laplace estimate of such an answer being right
 * among the short answers the short-answer model judges on the development sets
 * (support-answers-dev and -dev2), where the cues fired on 31 wrong answers and no right one:
 * (0 + 1) / (31 + 2).
 */
export const CONTRADICTED_SHORT_ANSWER_CAP = 1 / 33;

const CONTRADICTIONS: ReadonlySet<FactRole['kind']> = new Set([
  'swapped',
  'opposite',
  'unboundName',
  'flippedNegation',
  'otherDays',
]);

/** The fact-role cues that cap a short answer's confidence (fact-roles.util.ts); [] for none. */
export function shortAnswerContradictions(analysis: Analysis): FactRole[] {
  if (!analysis.context) return [];
  return factRoles(analysis, analysis.context).filter((r) => CONTRADICTIONS.has(r.kind));
}

/** The cap the contradictions put on a short answer, for routing to give as its reason. */
export function shortAnswerCap(roles: readonly FactRole[]): ScoreCap {
  return {
    at: CONTRADICTED_SHORT_ANSWER_CAP,
    causes: roles.map((r) => ({ kind: r.kind, text: r.text })),
  };
}

/**
 * The signals with each contradiction that capped a short answer added to the contradiction
 * signal's cues (its kind, its words' offsets, and that it capped the answer), where reviewers
 * and the review UI read cues: without them a capped answer showed signals pushing it up and a
 * confidence of 0.03, unexplained.
 */
export function withCapCues(signals: SignalResult[], roles: readonly FactRole[]): SignalResult[] {
  const cues = roles.map((r) => ({
    kind: r.kind,
    start: r.start,
    end: r.end,
    detail: capDetail(r),
  }));
  return signals.map((s) => {
    if (s.name !== 'contradiction') return s;
    const evidence = (s.evidence ?? {}) as { cues?: unknown[] };
    return { ...s, evidence: { ...evidence, cues: [...(evidence.cues ?? []), ...cues] } };
  });
}

/** What a capping contradiction's cue says, e.g. `"120" caps this short answer at 0.03`. */
function capDetail(role: FactRole): string {
  return `"${role.text}" caps this short answer at ${CONTRADICTED_SHORT_ANSWER_CAP.toFixed(2)}`;
}
