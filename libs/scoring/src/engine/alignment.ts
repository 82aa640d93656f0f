import type { AnalysedSentence, Analysis } from './analysis';
import type { ContextIndex, ContextSentence } from './context-index';

/** An output sentence aligned to the context sentences that best support it. */
export interface Alignment {
  sentence: AnalysedSentence;
  /** Best BM25 match, or null when no content word of the sentence occurs in the context. */
  best: ContextSentence | null;
  /** The best match and its neighbours in the same passage, plus the runner-up match. */
  window: ContextSentence[];
  /** Stems present in the window. */
  windowStems: Set<string>;
}

const cache = new WeakMap<Analysis, Alignment[]>();

/**
 * Aligns every output sentence to its best context sentence (BM25) and a small window around
 * it. Computed once per call and shared by grounding, contradiction and numbers signals.
 */
export function alignSentences(analysis: Analysis, index: ContextIndex): Alignment[] {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const result = analysis.sentences.map((sentence) => {
    const ranked = index.search(sentence.content, 2);
    const best = ranked[0]?.sentence ?? null;
    const window: ContextSentence[] = [];
    if (best) {
      for (const i of [best.index - 1, best.index, best.index + 1]) {
        const s = index.sentences[i];
        if (s && s.passage === best.passage) window.push(s);
      }
      const second = ranked[1]?.sentence;
      if (second && !window.includes(second)) window.push(second);
    }
    const windowStems = new Set<string>();
    for (const s of window) for (const t of s.tokens) windowStems.add(t.stem);
    return { sentence, best, window, windowStems };
  });
  cache.set(analysis, result);
  return result;
}

const lemmaCache = new WeakMap<Alignment, Set<string>>();
const groupCache = new WeakMap<Alignment, Set<number>>();

/** Union of the WordNet synonym groups of the window's lemmas: one set lookup per word instead of pairwise checks. */
export function windowSynonymGroups(
  a: Alignment,
  lemmaOf: (w: string) => string,
  groupsOf: (l: string) => readonly number[],
): Set<number> {
  let set = groupCache.get(a);
  if (!set) {
    set = new Set<number>();
    for (const l of windowLemmas(a, lemmaOf)) for (const g of groupsOf(l)) set.add(g);
    groupCache.set(a, set);
  }
  return set;
}

/** WordNet lemmas of the window's words (for synonym and antonym checks), computed once per alignment. */
export function windowLemmas(a: Alignment, lemmaOf: (w: string) => string): Set<string> {
  let set = lemmaCache.get(a);
  if (!set) {
    set = new Set<string>();
    for (const s of a.window) for (const t of s.tokens) set.add(lemmaOf(t.norm));
    lemmaCache.set(a, set);
  }
  return set;
}
