import { antonymsOf, areSynonyms, lemma } from '../lexicon/lexicon';
import { oppositePole, polarityOf } from '../lexicon/polarity.lexicon';
import { negates } from '../text/negators.util';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';
import { gapWords, hasBigram, type CopyFrames } from './copy-frames.util';

/**
 * A one-word edit of a copied stretch: the words either side are adjacent in the context
 * ("revenue _ 12%") but the output puts another word between them than the context does
 * (substitution), adds a word between two words the context has side by side (insertion), or
 * leaves out the context's negator ("were _ charged"). This is how summaries go wrong in small
 * ways: the sentence stays copied, one word changes.
 */
export interface WordEdit {
  kind: 'substitution' | 'insertion' | 'negationDropped';
  token: Token;
  /** What the context has in that slot (substitution, dropped negation). */
  was?: string;
  /** The new word is an antonym or the opposite pole of what the context has. */
  opposite: boolean;
}

/** Whether an output word can carry a factual edit: a content word, a negator or a number. */
function editable(norm: string): boolean {
  return isContent(norm) || negates(norm);
}

// Prefixes that negate a word ("suitable" → "unsuitable", "functional" → "dysfunctional").
const NEGATING_PREFIX = /^(?:un|in|im|il|ir|dis|dys|non-?|mis)(?=[a-z]{4})/;

function negatedForm(a: string, b: string): boolean {
  const m = NEGATING_PREFIX.exec(a);
  return m !== null && a.slice(m[0].length) === b;
}

const PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'dis', 'dys', 'non', 'non-', 'mis'];

/** The word of a set that is this word with or without a negating prefix ("suitable" for "unsuitable"). */
export function prefixOpposite(word: string, has: (w: string) => boolean): string | undefined {
  const m = NEGATING_PREFIX.exec(word);
  if (m && has(word.slice(m[0].length))) return word.slice(m[0].length);
  if (word.length < 4) return undefined;
  return PREFIXES.map((p) => p + word).find(has);
}

/** Whether two words say opposite things: WordNet antonyms, opposite poles, or a negating prefix. */
export function opposite(a: string, b: string): boolean {
  if (negatedForm(a, b) || negatedForm(b, a)) return true;
  const la = lemma(a);
  const lb = lemma(b);
  if (antonymsOf(la).includes(lb) || antonymsOf(lb).includes(la)) return true;
  const pa = polarityOf(la);
  return pa !== undefined && polarityOf(lb) === oppositePole(pa);
}

// How far a negation may move and stay the same negation ("have not found any" → "have found no").
const NEGATION_SHIFT = 3;

/** Whether a negator stands among the `count` tokens from position `from`. */
function negatorWithin(tokens: Token[], from: number, count: number): boolean {
  for (let j = from; j < Math.min(tokens.length, from + count); j++)
    if (negates(tokens[j].norm)) return true;
  return false;
}

/** `ids` are the output tokens as context word ids (see idsOf). */
export function wordEdits(frames: CopyFrames, tokens: Token[], ids: Int32Array): WordEdit[] {
  const words = frames.words;
  const edits: WordEdit[] = [];
  // Up to this token, a negator of the output is the context's negation moved, not a new one.
  let movedUntil = -1;
  for (let i = 1; i < tokens.length; i++) {
    const prev = ids[i - 1];
    const cur = ids[i];
    if (prev < 0) continue;
    const t = tokens[i];
    // A negator of the context missing between two words the output has side by side.
    if (cur >= 0 && !hasBigram(frames, prev, cur)) {
      const gap = gapWords(frames, prev, cur);
      const neg = gap?.find((g) => negates(words[g]));
      if (neg !== undefined && !negates(tokens[i - 1].norm)) {
        if (negatorWithin(tokens, i, NEGATION_SHIFT)) movedUntil = i + NEGATION_SHIFT;
        else edits.push({ kind: 'negationDropped', token: t, was: words[neg], opposite: true });
      }
    }
    if (i + 1 >= tokens.length) continue;
    const next = ids[i + 1];
    if (next < 0 || !editable(t.norm) || (i <= movedUntil && negates(t.norm))) continue;
    if (hasBigram(frames, prev, cur) || hasBigram(frames, cur, next)) continue;
    const gap = gapWords(frames, prev, next);
    if (gap) {
      const l = lemma(t.norm);
      const alternatives = gap.map((g) => words[g]);
      if (alternatives.some((w) => w === t.norm || areSynonyms(lemma(w), l))) continue;
      const flipped = alternatives.find((w) => opposite(t.norm, w));
      edits.push({
        kind: 'substitution',
        token: t,
        was: flipped ?? alternatives[0],
        opposite: flipped !== undefined || negates(t.norm),
      });
    } else if (hasBigram(frames, prev, next)) {
      edits.push({ kind: 'insertion', token: t, opposite: negates(t.norm) });
    }
  }
  return edits;
}
