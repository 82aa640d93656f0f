import type { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { localSources } from '../engine/local-sources';
import { glossOf } from '../lexicon/gloss.lexicon';
import { antonymsOf, areSynonyms, lemma } from '../lexicon/lexicon';
import { oppositePole, polarityOf, poleWords } from '../lexicon/polarity.lexicon';
import { expressesNegation, negates, negatesAsPrefix, saysNoCost } from '../text/negators.util';
import { isContent } from '../text/stopwords.util';
import { stem, type Token } from '../text/tokens.util';
import { prefixOpposite } from './word-edits.util';

/**
 * A word that says the opposite of where its stretch comes from: checked against the context
 * sentences holding its neighbours (local sources), not against the one sentence the whole
 * output sentence aligns to, so a summary sentence fusing several source sentences is covered.
 * - opposite: the word is absent there, but its WordNet antonym, its negating-prefix form
 *   ("unsuitable" for "suitable") or its opposite pole ("declined" for "grew") is there,
 *   and no synonym or same-pole word of it is.
 * - unsourcedNegation: a negator whose neighbours come from sentences that negate nothing
 *   (no negator, no "failed to"): the output denies what the source states. A negator before
 *   a word for a fee ("walang bayad", "no charge") is sourced by a sentence saying "free".
 */
export interface LocalContradiction {
  kind: 'opposite' | 'unsourcedNegation';
  token: Token;
  /** The source word it opposes, or the source sentence that negates nothing. */
  detail: string;
}

export function localContradictions(analysis: Analysis, index: ContextIndex): LocalContradiction[] {
  const found: LocalContradiction[] = [];
  const sources = localSources(analysis, index);
  // Per context sentence: 0 not looked at yet, 1 says "not" in some way, 2 does not.
  const negated = new Uint8Array(index.sentences.length);
  const candidatesOf = (k: number) =>
    sources.candidates.slice(sources.candidateFrom[k], sources.candidateFrom[k + 1]);
  // Words negated into agreement ("not optional" where the source says "required"): neither the
  // negator nor the word is a contradiction.
  const agreeing = new Set<number>();
  sources.tokens.forEach((t, k) => {
    if (agreeing.has(k)) return;
    const candidates = candidatesOf(k);
    if (!candidates.length) return;
    if (negates(t.norm)) {
      const opposite = negatedOpposite(sources.tokens, k, candidatesOf, index);
      if (opposite !== undefined) {
        agreeing.add(opposite);
        return;
      }
      const noFee = namesFee(sources.tokens[k + 1]);
      const next = sources.tokens.slice(k + 1, k + 1 + PREFIX_REACH);
      if (
        !candidates.some(
          (c) =>
            isNegated(index, c, negated) ||
            (noFee && saysFree(index, c)) ||
            prefixNegates(index, c, next),
        )
      )
        found.push({
          kind: 'unsourcedNegation',
          token: t,
          detail: index.sentences[candidates[0]].text.slice(0, 200),
        });
      return;
    }
    if (sources.withWord[k] >= 2) return; // the word is there, with its neighbours
    const opposed = opposedWord(t, candidates, index);
    if (opposed) found.push({ kind: 'opposite', token: t, detail: `${t.norm} ↔ ${opposed}` });
  });
  return found;
}

/**
 * The index of the word a negator at `k` negates (the next content word, at most PREFIX_REACH
 * on) when the word's opposite is where that word comes from: "not optional" against
 * "required", "isn't closed" against "open" say what the source says.
 */
function negatedOpposite(
  tokens: readonly Token[],
  k: number,
  candidatesOf: (k: number) => number[],
  index: ContextIndex,
): number | undefined {
  for (let j = k + 1; j <= k + PREFIX_REACH && j < tokens.length; j++) {
    if (!isContent(tokens[j].norm)) continue;
    const candidates = candidatesOf(j);
    return candidates.length && opposedWord(tokens[j], candidates, index) ? j : undefined;
  }
  return undefined;
}

// Words for what is paid, by their English lemma or gloss ("bayad", "caj", "yuran" → fee).
const FEE_LEMMAS = new Set(['fee', 'charge', 'cost', 'payment', 'price']);

function namesFee(t: Token | undefined): boolean {
  return t !== undefined && [lemma(t.norm), ...glossOf(t.norm)].some((l) => FEE_LEMMAS.has(l));
}

function saysFree(index: ContextIndex, sentence: number): boolean {
  return index.sentences[sentence].tokens.some((t) => saysNoCost(t.norm));
}

// The output words after a negator that a source's "non-" word may stand for: "isn't refunded"
// is sourced by "a non-refundable fee" (support-answers-dev3).
const PREFIX_REACH = 2;

/** Whether a source sentence says "non-W" of a word W among `next` ("refundable" for "refunded"). */
function prefixNegates(index: ContextIndex, sentence: number, next: readonly Token[]): boolean {
  const tokens = index.sentences[sentence].tokens;
  return tokens.some((t, i) => {
    const word = tokens[i + 1];
    if (!negatesAsPrefix(t.norm) || !word) return false;
    const verb = stem(word.norm.replace(/(?:able|ible)$/, ''));
    return next.some((n) => n.stem === word.stem || n.stem === verb);
  });
}

function isNegated(index: ContextIndex, sentence: number, memo: Uint8Array): boolean {
  if (memo[sentence] === 0)
    memo[sentence] = index.sentences[sentence].tokens.some((t) => expressesNegation(t.norm))
      ? 1
      : 2;
  return memo[sentence] === 1;
}

// Stems of the static word lists (antonyms of a lemma, words of a pole), computed once each.
const listStems = new WeakMap<readonly string[], string[]>();

function stemsOf(words: readonly string[]): string[] {
  let stems = listStems.get(words);
  if (!stems) {
    stems = words.map(stem);
    listStems.set(words, stems);
  }
  return stems;
}

/** Whether a content stem occurs in one of the candidate sentences (through its postings). */
function inSources(index: ContextIndex, candidates: number[], stemKey: string): boolean {
  const id = index.stemId(stemKey);
  if (id < 0) return false;
  const postings = index.postingSentences;
  for (let j = index.postingsFrom(id); j < index.postingsTo(id); j++)
    if (candidates.includes(postings[j])) return true;
  return false;
}

/** The first word of a static list that occurs in the candidate sentences. */
function firstInSources(
  index: ContextIndex,
  candidates: number[],
  words: readonly string[],
): string | undefined {
  if (!words.length) return undefined;
  const stems = stemsOf(words);
  for (let k = 0; k < stems.length; k++)
    if (inSources(index, candidates, stems[k])) return words[k];
  return undefined;
}

/**
 * The word of the sources (the candidate sentences) that the output word opposes: its WordNet
 * antonym, itself with or without a negating prefix, or a word of the opposite pole; unless the
 * sources also have a synonym of it or a word of its own pole. Words are matched by stem through
 * the context's postings, so nothing is lemmatised unless a flip is found.
 */
function opposedWord(t: Token, candidates: number[], index: ContextIndex): string | undefined {
  const l = lemma(t.norm);
  const pole = polarityOf(l);
  const flipped =
    firstInSources(index, candidates, antonymsOf(l)) ??
    // Prefixed forms are looked up as written first: most do not exist anywhere.
    prefixOpposite(t.norm, (w) => index.norms.has(w) && inSources(index, candidates, stem(w))) ??
    (pole === undefined
      ? undefined
      : firstInSources(index, candidates, poleWords(oppositePole(pole))));
  if (flipped === undefined) return undefined;
  for (const c of candidates)
    for (const w of index.sentences[c].tokens) {
      const lw = lemma(w.norm);
      if (areSynonyms(lw, l) || (pole !== undefined && polarityOf(lw) === pole)) return undefined;
    }
  return flipped;
}
