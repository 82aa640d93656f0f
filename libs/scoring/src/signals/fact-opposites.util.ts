import { glossOf } from '../lexicon/gloss.lexicon';
import { lemma } from '../lexicon/lexicon';
import { localOppositesOf } from '../lexicon/local-opposites.lexicon';
import { oppositePole, polarityOf } from '../lexicon/polarity.lexicon';
import { extractQuantities, quantityMatches } from '../text/numbers.util';
import { stem, type Token } from '../text/tokens.util';
import type { Claim, Fact } from './short-claims.util';

// The opposite cue of the fact roles (fact-roles.util.ts): a word of a short answer's claim
// against the other pole in the context stretch that states the claim's fact.

/** A word's lemma and its English glosses ("ditutup" → close, closed). */
export function wordLemmas(norm: string): string[] {
  return [lemma(norm), ...glossOf(norm)];
}

// The poles of a span of time: "open"/"close", "start"/"end" (and through the glosses "dibuka",
// "sarado", "nagbubukas"…). A span "open 6 am to 10 pm" opens at its first figure and closes at
// its last one, so "closes at 10 pm" states it with the other pole.
const SPAN_POLES = new Set([polarityOf('open'), polarityOf('close')]);

function isSpanWord(norm: string): boolean {
  return wordLemmas(norm).some((l) => SPAN_POLES.has(polarityOf(l)));
}

const RANGE_WORDS = new Set([
  'to',
  'until',
  'till',
  'through',
  'hingga',
  'sehingga',
  'sampai',
  'hanggang',
]);
// Between the two figures of a range: its marker, at most a unit or two before it ("am to",
// "pagi hingga") and one word after it ("hingga pukul"), no clause break: "$10 to send and $25"
// is no range.
const MAX_WORDS_BEFORE_MARKER = 2;
const MAX_WORDS_AFTER_MARKER = 1;

function isRangeGap(between: string): boolean {
  if (/[,;:.!?()]/.test(between)) return false;
  const parts = between.match(/\p{L}+|[-–—]/gu) ?? [];
  const marker = parts.findIndex((w) => /^[-–—]$/.test(w) || RANGE_WORDS.has(w.toLowerCase()));
  return (
    marker >= 0 &&
    marker <= MAX_WORDS_BEFORE_MARKER &&
    parts.length - marker - 1 <= MAX_WORDS_AFTER_MARKER
  );
}

/** Whether `fact` is the last figure of a range in `text`: 10 pm in "open 6 am to 10 pm". */
export function endsRange(text: string, fact: Fact): boolean {
  const qs = extractQuantities(text).sort((a, b) => a.start - b.start);
  return qs.some(
    (q, k) => k > 0 && quantityMatches(fact.q, q) && isRangeGap(text.slice(qs[k - 1].end, q.start)),
  );
}

/** The lemmas of a pole's opposite that a claim word has: polarity.lexicon's and local pairs. */
function isPolar(norm: string): boolean {
  return (
    localOppositesOf(norm).length > 0 || wordLemmas(norm).some((l) => polarityOf(l) !== undefined)
  );
}

/** Whether a stretch of context's lemmas holds a polar word of the claim as the claim says it. */
export function holdsOwnPole(claim: Claim, lemmas: ReadonlySet<string>): boolean {
  return claim.words.some((w) => isPolar(w.norm) && wordLemmas(w.norm).some((l) => lemmas.has(l)));
}

/** What a stretch of context offers the opposite check: its words' stems, lemmas and glosses. */
export interface OpposingWords {
  stems: ReadonlySet<string>;
  lemmas: ReadonlySet<string>;
}

/**
 * Whether a stretch of context holds a listed opposite: as written (a word by its stem, a phrase
 * as listed), or its English gloss written there ("free" for "percuma"). A gloss that the context
 * has only as the gloss of another of its words is two translations away, and may be another
 * sense of an English homonym: "cuti" (holiday, "leave") is no "keluar" ("leave", go out), yet
 * "masuk" (enter) was opposed to "cuti umum" (public holidays) that way (support-answers-dev3).
 */
function oppositeHeld(opposite: string, at: OpposingWords): boolean {
  if (at.lemmas.has(opposite) || at.stems.has(stem(opposite))) return true;
  return glossOf(opposite).some((g) => at.stems.has(stem(g)));
}

/**
 * Whether a claim word's pole is opposed by a stretch of context's lemmas (and glosses) and not
 * held by them: polarity.lexicon's poles and local-opposites.lexicon's pairs and phrases. With `endOfSpan`
 * (the claim's fact ends a range there) the span words are left out: the other pole is right.
 */
export function opposedBy(claim: Claim, at: OpposingWords | undefined, endOfSpan = false): boolean {
  if (!at) return false;
  const { lemmas } = at;
  const poles = new Set<number>();
  for (const l of lemmas) {
    const p = polarityOf(l);
    if (p !== undefined) poles.add(p);
  }
  for (const w of claim.words) {
    const own = wordLemmas(w.norm);
    if (own.some((l) => lemmas.has(l))) continue;
    if (endOfSpan && isSpanWord(w.norm)) continue;
    for (const l of own) {
      const p = polarityOf(l);
      if (p !== undefined && poles.has(oppositePole(p)) && !poles.has(p)) return true;
    }
    if (localOppositesOf(w.norm).some((o) => oppositeHeld(o, at))) return true;
  }
  // A listed phrase ("may bayad", paid) against its opposite ("libre", "walang bayad").
  for (const p of claim.phrases) {
    if (lemmas.has(p)) continue;
    if (localOppositesOf(p).some((o) => oppositeHeld(o, at))) return true;
  }
  return false;
}

// "After that" orders the answer's own clauses ("250 kWh pertama at 22.5 sen, lepas tu 36 sen
// for the rest"): its "after" points back at the clause before, not at a time of the context's
// fact, and was opposed to the "first" of "the first 250 kWh" (support-answers-dev3). A
// before/after word right before a demonstrative is such a sequence word.
const DEMONSTRATIVES = new Set(['that', 'this', 'itu', 'tu', 'ini', 'ni', 'nito', 'noon', 'iyon']);

function isSequenceWord(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || !DEMONSTRATIVES.has(next.norm)) return false;
  return wordLemmas(tokens[i].norm).some((l) => l === 'before' || l === 'after');
}

/** A claim without its sequence words ("lepas" of "lepas tu"), for the opposite check. */
export function withoutSequenceWords(claim: Claim, tokens: readonly Token[]): Claim {
  const words = claim.words.filter((w) => {
    const i = tokens.findIndex((t) => t.start === w.start);
    return i < 0 || !isSequenceWord(tokens, i);
  });
  return words.length === claim.words.length ? claim : { ...claim, words };
}
