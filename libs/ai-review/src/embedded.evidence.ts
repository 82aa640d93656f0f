import {
  DEFAULT_MODEL,
  hasSynonymIn,
  isContent,
  KNOWN_SIGNALS,
  lemma,
  scoreOutput,
  type ScoreResult,
  type ScoringConfig,
  type ScoringModel,
  type SignalResult,
} from '@arbiter/scoring';
import type { ReviewItem } from './ai-review.types';

/**
 * The first pass as a pipeline runs it by default: every signal with the default model. With
 * samples, agreement across them (selfConsistency) enters through the model's prior.
 */
const FULL: ScoringConfig = {
  signals: Object.fromEntries(KNOWN_SIGNALS.map((s) => [s, {}])),
  validators: [],
};

/** Beyond this many claims the rest are judged only as part of the whole output (bounds latency). */
const MAX_CLAIMS = 40;
/** Below this a claim's contradiction or number signal, scored on the claim alone, is a conflict. */
const CONFLICT_BELOW = 0.5;

/** A claim this close to its aligned source sentence (share of its content words there, synonyms included) is a near-copy. */
const NEAR_COPY_FROM = 0.7;

const NUMBER = /\d(?:[\d,.]*\d)?/g;
const WORD = /[\p{L}\p{N}]+/gu;
const NEGATOR = /\b(?:not|no|never|none|nor|neither|without|cannot)\b|n't\b/gi;

/** One output sentence, judged alone against every context passage. */
export interface ClaimFinding {
  text: string;
  start: number;
  end: number;
  /** The full default model's confidence for this claim alone. */
  confidence: number;
  logit: number;
  /** The context sentence the engine aligned this claim to, if any. */
  alignedTo: string | null;
  /** Numbers of the claim that its aligned context sentence does not contain. */
  numbersNotInAligned: string[];
  /** More negations than its aligned context sentence (a negation inserted or kept where the source has none). */
  negationAdded: boolean;
  /** The claim-level contradiction or number signal found a conflict with the context. */
  conflict: boolean;
  /**
   * In a near-copy of its aligned source sentence, the words that are neither in that sentence
   * nor WordNet synonyms of one of its words, but stand elsewhere in the context: a word swapped
   * for another of the same document, how summaries go wrong while staying close to the source.
   */
  swappedWords: string[];
}

/** What the embedded reviewer weighs: the first-pass logit and claim-by-claim evidence. */
export interface EmbeddedEvidence {
  whole: ScoreResult;
  claims: ClaimFinding[];
  /** Agreement across samples (selfConsistency), null without samples. */
  agreement: number | null;
  /** The second-stage model's inputs, by name (see EMBEDDED_FEATURES). */
  features: Record<string, number>;
}

/** The features the second-stage model reads, in order; signs fixed by meaning in the fit. */
export const EMBEDDED_FEATURES = [
  'firstPassLogit',
  'weakestClaimLogit',
  'meanClaimLogit',
  'conflictingClaims',
  'numbersNotInAlignedLog',
  'negationsAdded',
  'swappedWordsLog',
] as const;

interface GroundedSentence {
  start: number;
  end: number;
  bestContext?: { text?: string };
}

/** The grounding signal's per-sentence alignment (its evidence), defensively typed. */
function groundedSentences(signals: SignalResult[]): GroundedSentence[] {
  const evidence = signals.find((s) => s.name === 'grounding')?.evidence as
    { sentences?: unknown } | undefined;
  const list = Array.isArray(evidence?.sentences) ? (evidence.sentences as GroundedSentence[]) : [];
  return list.filter(
    (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start,
  );
}

function signalScore(signals: SignalResult[], name: string): number | null {
  return signals.find((s) => s.name === name)?.score ?? null;
}

const numbersOf = (text: string): string[] =>
  (text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, ''));
const negationsOf = (text: string): number => (text.match(NEGATOR) ?? []).length;
const contentLemmas = (text: string): string[] =>
  (text.toLowerCase().match(WORD) ?? []).filter(isContent).map(lemma);

/** See ClaimFinding.swappedWords; `contextLemmas` are all the context's content lemmas. */
function swappedWords(claim: string, aligned: string, contextLemmas: Set<string>): string[] {
  const words = contentLemmas(claim);
  if (!words.length) return [];
  const source = new Set(contentLemmas(aligned));
  const missing = words.filter((w) => !source.has(w) && !hasSynonymIn(w, source));
  if (1 - missing.length / words.length < NEAR_COPY_FROM) return [];
  return [...new Set(missing.filter((w) => contextLemmas.has(w)))];
}

function judgeClaim(
  item: ReviewItem,
  s: GroundedSentence,
  firstPass: ScoringModel,
  contextLemmas: Set<string>,
): ClaimFinding {
  const raw = item.output.slice(s.start, s.end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const alone = scoreOutput(
    { input: { prompt: item.prompt, context: item.context }, output: { text } },
    FULL,
    firstPass,
  );
  const aligned = typeof s.bestContext?.text === 'string' ? s.bestContext.text : null;
  const alignedNumbers = new Set(numbersOf(aligned ?? ''));
  const cues = [signalScore(alone.signals, 'contradiction'), signalScore(alone.signals, 'numbers')];
  return {
    text,
    start: s.start + lead,
    end: s.start + lead + text.length,
    confidence: alone.confidence,
    logit: alone.logit ?? 0,
    alignedTo: aligned,
    numbersNotInAligned:
      aligned === null ? [] : numbersOf(text).filter((n) => !alignedNumbers.has(n)),
    negationAdded: aligned !== null && negationsOf(text) > negationsOf(aligned),
    conflict: cues.some((c) => c !== null && c < CONFLICT_BELOW),
    swappedWords: aligned === null ? [] : swappedWords(text, aligned, contextLemmas),
  };
}

/**
 * Scores the whole output (the first pass) and then each claim alone with the same full model,
 * so a weak claim is not averaged away by strong neighbours, and checks each claim against the
 * context sentence it was aligned to for numbers and negations the source does not have.
 * Deterministic. Expects a non-empty context. `firstPass` is the scoring model for the whole
 * output and each claim: the shipped default, or in evaluation one that never saw the item.
 */
export function gatherEvidence(
  item: ReviewItem,
  firstPass: ScoringModel = DEFAULT_MODEL,
): EmbeddedEvidence {
  const samples = item.samples.length ? item.samples : undefined;
  const whole = scoreOutput(
    {
      input: { prompt: item.prompt, context: item.context },
      output: { text: item.output, samples },
    },
    FULL,
    firstPass,
  );
  const contextLemmas = new Set(item.context.flatMap((c) => contentLemmas(c.text)));
  const claims = groundedSentences(whole.signals)
    .slice(0, MAX_CLAIMS)
    .map((s) => judgeClaim(item, s, firstPass, contextLemmas))
    .filter((c) => /[\p{L}\p{N}]/u.test(c.text));
  const logits = claims.map((c) => c.logit);
  const firstPassLogit = whole.logit ?? 0;
  const numbersMissing = claims.reduce((a, c) => a + c.numbersNotInAligned.length, 0);
  const features: Record<(typeof EMBEDDED_FEATURES)[number], number> = {
    firstPassLogit,
    // No claim to judge apart: the whole output stands for its only claim.
    weakestClaimLogit: logits.length ? Math.min(...logits) : firstPassLogit,
    meanClaimLogit: logits.length
      ? logits.reduce((a, b) => a + b, 0) / logits.length
      : firstPassLogit,
    conflictingClaims: claims.filter((c) => c.conflict).length,
    numbersNotInAlignedLog: Math.log1p(numbersMissing),
    negationsAdded: claims.filter((c) => c.negationAdded).length,
    swappedWordsLog: Math.log1p(claims.reduce((a, c) => a + c.swappedWords.length, 0)),
  };
  return { whole, claims, agreement: signalScore(whole.signals, 'selfConsistency'), features };
}
