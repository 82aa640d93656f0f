import { glossOf } from './gloss.lexicon';
import { computeStem } from '../text/stem.util';
import { ANTONYM_ENTRIES, SYNONYM_GROUPS } from './wordnet.lexicon';

let antonyms: Map<string, string[]> | undefined;
let synonymGroups: Map<string, number[]> | undefined;
/** Group id → its words (the lines of SYNONYM_GROUPS). */
let groupWords: string[][] = [];

function antonymMap(): Map<string, string[]> {
  if (!antonyms) {
    antonyms = new Map();
    for (const entry of ANTONYM_ENTRIES.split(';')) {
      const colon = entry.indexOf(':');
      antonyms.set(entry.slice(0, colon), entry.slice(colon + 1).split(','));
    }
  }
  return antonyms;
}

function synonymMap(): Map<string, number[]> {
  if (!synonymGroups) {
    synonymGroups = new Map();
    groupWords = SYNONYM_GROUPS.split('\n').map((line) => line.split(' '));
    groupWords.forEach((words, id) => {
      for (const w of words) {
        const list = synonymGroups?.get(w);
        if (list) list.push(id);
        else synonymGroups?.set(w, [id]);
      }
    });
  }
  return synonymGroups;
}

const lemmaCache = new Map<string, string>();

/**
 * The WordNet lemma of an inflected English word, by trying common suffix rules against the
 * lexicon (a poor man's morphy): "increased" → "increase", "stronger" stays, "losses" → "loss".
 * A Malay or Tagalog word English does not have gets its commonest English gloss ("hari" →
 * "day"), so synonym, antonym and polarity checks work across the languages of a reply.
 */
export function lemma(word: string): string {
  const hit = lemmaCache.get(word);
  if (hit !== undefined) return hit;
  const known = (w: string): boolean => antonymMap().has(w) || synonymMap().has(w);
  let result = word;
  if (!known(word) && /^[a-z-]+$/.test(word)) {
    const candidates: string[] = [];
    const push = (...ws: string[]): number => candidates.push(...ws);
    if (word.endsWith('ies')) push(word.slice(0, -3) + 'y');
    if (word.endsWith('ied')) push(word.slice(0, -3) + 'y');
    if (word.endsWith('es')) push(word.slice(0, -2));
    if (word.endsWith('s')) push(word.slice(0, -1));
    if (word.endsWith('ed')) push(word.slice(0, -2), word.slice(0, -1));
    if (word.endsWith('ing')) push(word.slice(0, -3), word.slice(0, -3) + 'e');
    if (/(ed|ing)$/.test(word) && /([bdgklmnprt])\1(ed|ing)$/.test(word))
      push(word.replace(/([bdgklmnprt])\1(ed|ing)$/, '$1'));
    if (word.endsWith('er')) push(word.slice(0, -2), word.slice(0, -1));
    if (word.endsWith('est')) push(word.slice(0, -3), word.slice(0, -2));
    if (word.endsWith('ly')) push(word.slice(0, -2));
    result = candidates.find(known) ?? glossOf(word)[0] ?? word;
  }
  if (lemmaCache.size < 100_000) lemmaCache.set(word, result);
  return result;
}

const NONE: readonly string[] = [];

/** WordNet antonyms of a lemma (direct, and satellite adjectives against their head's antonym). */
export function antonymsOf(lemmaWord: string): readonly string[] {
  return antonymMap().get(lemmaWord) ?? NONE;
}

/**
 * Whether a lemma shares a synonym group with one of `words` (lemmas). It walks the lemma's
 * few groups and their few words instead of collecting the groups of every word of `words`.
 */
export function hasSynonymIn(lemmaWord: string, words: ReadonlySet<string>): boolean {
  const groups = synonymMap().get(lemmaWord);
  if (!groups) return false;
  for (const g of groups) for (const w of groupWords[g]) if (words.has(w)) return true;
  return false;
}

/**
 * Whether a word (lower-cased) is a paraphrase of one of `lemmas`: its lemma or one of its
 * Malay/Tagalog glosses is there, or shares a WordNet synonym group with a word there. With
 * `stems` (the same words' stems), a gloss also matches by stem: WordNet lists "exchanged",
 * "attached", "included" as adjectives of their own, so their lemma stays inflected and the
 * gloss "exchange" of "tukar" would miss "exchanged" by lemma alone.
 */
export function paraphrasedIn(
  norm: string,
  lemmas: ReadonlySet<string>,
  stems?: ReadonlySet<string>,
): boolean {
  const l = lemma(norm);
  if (lemmas.has(l) || hasSynonymIn(l, lemmas)) return true;
  for (const g of glossOf(norm)) {
    if (g !== l && (lemmas.has(g) || hasSynonymIn(g, lemmas))) return true;
    if (stems?.has(computeStem(g))) return true;
  }
  return false;
}

/** Whether two lemmas share a synset among their most frequent senses. */
export function areSynonyms(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = synonymMap().get(a);
  const gb = synonymMap().get(b);
  if (!ga || !gb) return false;
  for (const g of ga) if (gb.includes(g)) return true;
  return false;
}
