import { DEFAULT_MODEL, type ScoringModel } from '@arbiter/scoring';
import { ProblemSpan, ReviewItem, Verdict } from './ai-review.types';
import { gatherEvidence, type ClaimFinding } from './embedded.evidence';
import { probabilityFaithful, type EmbeddedModel } from './embedded.model';
import { EMBEDDED_MODEL } from './embedded-default-model';

/** Approve from here: the verdict's confidence is the calibrated probability of faithful, so approveAt gates it. */
const APPROVE_FROM = 0.5;
/**
 * Reject only at or below this probability of faithful AND with a conflicting claim to show: a
 * faithful output wrongly rejected is costly, so a low score alone never rejects.
 */
const REJECT_AT_MOST = 0.1;
/** Samples agreeing less than this with each other: never approve. */
const AGREEMENT_BELOW = 0.5;
/** Claims below this confidence (scored alone) are shown to reviewers as weak. */
const WEAK_BELOW = 0.5;

/**
 * The in-process reviewer: deeper than the first pass, affordable because only the doubtful band
 * reaches it. Scores each claim alone with the full model, checks each claim's numbers and
 * negations against the context sentence it aligns to, searches conflicts claim by claim, and
 * weighs these with the first-pass logit in a small model fitted on doubtful-band items
 * (scripts/fit-embedded-reviewer.ts). Deterministic; no network. `firstPass` is the scoring model
 * behind the evidence (the shipped default; the bench passes one refitted without the item's fold).
 */
export function reviewEmbedded(
  item: ReviewItem,
  model: EmbeddedModel = EMBEDDED_MODEL,
  firstPass: ScoringModel = DEFAULT_MODEL,
): Verdict {
  if (!item.context.length) {
    return {
      verdict: 'unsure',
      confidence: 0.5,
      reasons: ['No context was sent, so no claim can be checked against a source.'],
      problematicSpans: [],
    };
  }
  const evidence = gatherEvidence(item, firstPass);
  const { claims, agreement } = evidence;
  if (!claims.length)
    return {
      verdict: 'unsure',
      confidence: 0.5,
      reasons: ['The output has no claim to check.'],
      problematicSpans: [],
    };

  const p = round(probabilityFaithful(model, evidence.features));
  const flagged = claims.filter((c) => problemsOf(c).length);
  const spans = flagged.map(span);
  const weakest = claims.reduce((a, b) => (b.confidence < a.confidence ? b : a));
  const detail = `Probability faithful ${p}; whole output ${round(evidence.whole.confidence)}, weakest of ${claims.length} claim(s) ${round(weakest.confidence)}${agreement === null ? '' : `, agreement across samples ${round(agreement)}`}.`;
  const conflicts = claims.filter(
    (c) => c.conflict || c.negationAdded || c.numbersNotInAligned.length,
  );
  if (agreement !== null && agreement < AGREEMENT_BELOW) {
    return {
      verdict: 'unsure',
      confidence: p,
      reasons: ['The samples disagree with each other.', detail],
      problematicSpans: spans,
    };
  }
  if (p >= APPROVE_FROM) {
    const why = flagged.length
      ? `${flagged.length} claim(s) look weak, but overall the output is likely faithful.`
      : 'Every claim is supported by the context.';
    return { verdict: 'approve', confidence: p, reasons: [why, detail], problematicSpans: spans };
  }
  if (p <= REJECT_AT_MOST && conflicts.length) {
    return {
      verdict: 'reject',
      confidence: round(1 - p),
      reasons: [`${conflicts.length} claim(s) conflict with the context.`, detail],
      problematicSpans: spans,
    };
  }
  return {
    verdict: 'unsure',
    confidence: p,
    reasons: [
      flagged.length
        ? `${flagged.length} claim(s) are weakly supported or conflict with the context.`
        : 'No single claim stands out, but the output as a whole is not clearly supported.',
      detail,
    ],
    problematicSpans: spans,
  };
}

function problemsOf(c: ClaimFinding): string[] {
  const problems: string[] = [];
  if (c.conflict) problems.push('contradicts the context or changes a number');
  if (c.numbersNotInAligned.length)
    problems.push(
      `numbers not in the matching source sentence: ${c.numbersNotInAligned.join(', ')}`,
    );
  if (c.negationAdded) problems.push('adds a negation the matching source sentence does not have');
  if (c.swappedWords.length)
    problems.push(
      `words from elsewhere in the source in place of the matching sentence's: ${c.swappedWords.join(', ')}`,
    );
  if (c.confidence < WEAK_BELOW) problems.push('weakly supported by the context');
  return problems;
}

function span(c: ClaimFinding): ProblemSpan {
  return { text: c.text, start: c.start, end: c.end, reason: problemsOf(c).join('; ') };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
