import { ScoreResult, scoreOutput, ScoringConfig, ScoringInput, SignalResult } from '@arbiter/scoring';
import { ProblemSpan, ReviewItem, Verdict } from './ai-review.types';

// The whole output: support, contradictions, numbers, entities and agreement across samples.
const FULL: ScoringConfig = {
  signals: { grounding: {}, contradiction: {}, numbers: {}, entities: {}, selfConsistency: {} },
  validators: [],
};
// One claim (sentence) at a time, against every context passage.
const CLAIM: ScoringConfig = { signals: { grounding: {}, contradiction: {}, numbers: {}, entities: {} }, validators: [] };

const MAX_CLAIMS = 60;
/** Below this a claim-level contradiction or number signal counts as a conflict with the context. */
const CONFLICT_BELOW = 0.5;
/** Supported-ness at or above which the reviewer approves (its confidence is that support). */
const APPROVE_FROM = 0.5;
/** Supported-ness below which the output is judged invented. */
const REJECT_BELOW = 0.15;

interface Claim {
  text: string;
  start: number;
  end: number;
  confidence: number;
  conflict: number | null;
}

/** The output's sentences with offsets (a sentence ends at . ! ? or a line break). */
export function splitClaims(text: string): { text: string; start: number; end: number }[] {
  const claims: { text: string; start: number; end: number }[] = [];
  const re = /[^.!?\n]+[.!?]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && claims.length < MAX_CLAIMS) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (/[\p{L}\p{N}]/u.test(body)) claims.push({ text: body, start: m.index + lead, end: m.index + lead + body.length });
  }
  return claims;
}

function score(signals: SignalResult[], name: string): number | null {
  return signals.find((s) => s.name === name)?.score ?? null;
}

function judgeClaims(item: ReviewItem): Claim[] {
  return splitClaims(item.output).map((c) => {
    const r = scoreOutput({ input: { prompt: item.prompt, context: item.context }, output: { text: c.text } }, CLAIM);
    const cues = [score(r.signals, 'contradiction'), score(r.signals, 'numbers')].filter((x): x is number => x !== null);
    return { ...c, confidence: r.confidence, conflict: cues.length ? Math.min(...cues) : null };
  });
}

/**
 * The in-process reviewer: deeper than the first pass, affordable because only the doubtful band
 * reaches it. Scores each claim alone against every context passage (a weak claim is not hidden
 * by strong neighbours), searches contradictions and number mismatches claim by claim, and
 * checks agreement across samples. Deterministic; no network.
 */
export function reviewEmbedded(item: ReviewItem): Verdict {
  const input: ScoringInput = { input: { prompt: item.prompt, context: item.context }, output: { text: item.output, samples: item.samples.length ? item.samples : undefined } };
  if (!item.context.length) {
    return { verdict: 'unsure', confidence: 0.5, reasons: ['No context was sent, so no claim can be checked against a source.'], problematicSpans: [] };
  }
  const whole: ScoreResult = scoreOutput(input, FULL);
  const claims = judgeClaims(item);
  if (!claims.length) return { verdict: 'unsure', confidence: 0.5, reasons: ['The output has no claim to check.'], problematicSpans: [] };

  const conflicts = claims.filter((c) => c.conflict !== null && c.conflict < CONFLICT_BELOW);
  if (conflicts.length) {
    const worst = Math.min(...conflicts.map((c) => c.conflict as number));
    return {
      verdict: 'reject',
      confidence: round(1 - worst / 2),
      reasons: [`${conflicts.length} claim(s) contradict the context or change its numbers.`],
      problematicSpans: conflicts.map((c) => span(c, 'contradicts the context or changes a number')),
    };
  }
  const weakest = claims.reduce((a, b) => (b.confidence < a.confidence ? b : a));
  const agreement = score(whole.signals, 'selfConsistency');
  const support = round(0.5 * whole.confidence + 0.5 * weakest.confidence);
  const weakSpans = claims.filter((c) => c.confidence < APPROVE_FROM).map((c) => span(c, 'weakly supported by the context'));
  const detail = `Whole-output support ${round(whole.confidence)}, weakest of ${claims.length} claim(s) ${round(weakest.confidence)}${agreement === null ? '' : `, agreement across samples ${round(agreement)}`}.`;
  if (agreement !== null && agreement < CONFLICT_BELOW) {
    return { verdict: 'unsure', confidence: 0.5, reasons: ['The samples disagree with each other.', detail], problematicSpans: weakSpans };
  }
  if (support >= APPROVE_FROM) return { verdict: 'approve', confidence: support, reasons: ['Every claim is supported by the context.', detail], problematicSpans: [] };
  if (support < REJECT_BELOW) {
    return { verdict: 'reject', confidence: round(1 - support), reasons: ['The output is mostly not supported by the context.', detail], problematicSpans: weakSpans };
  }
  return { verdict: 'unsure', confidence: round(1 - support), reasons: ['Some claims are only weakly supported.', detail], problematicSpans: weakSpans };
}

function span(c: Claim, reason: string): ProblemSpan {
  return { text: c.text, start: c.start, end: c.end, reason };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
