import type { AnalysedSentence, Analysis } from './analysis';
import { memoKey } from './call-memo';
import { glossOf } from '../lexicon/gloss.lexicon';
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
  /** Filled by windowLemmas, on first use. */
  lemmas?: Set<string>;
}

const ALIGNMENTS = memoKey<Alignment[]>('alignments');

/**
 * Aligns every output sentence to its best context sentence (BM25) and a small window around
 * it. Computed once per call and shared by grounding, contradiction and numbers signals.
 */
export function alignSentences(analysis: Analysis, index: ContextIndex): Alignment[] {
  return analysis.memo.get(ALIGNMENTS, () => align(analysis, index));
}

function align(analysis: Analysis, index: ContextIndex): Alignment[] {
  return analysis.sentences.map((sentence): Alignment => {
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
}

/**
 * WordNet lemmas of the window's words (for synonym and antonym checks), with every English
 * gloss of its Malay and Tagalog words, computed once per alignment.
 */
export function windowLemmas(a: Alignment, lemmaOf: (w: string) => string): Set<string> {
  if (!a.lemmas) {
    const set = new Set<string>();
    for (const s of a.window)
      for (const t of s.tokens) {
        set.add(lemmaOf(t.norm));
        for (const g of glossOf(t.norm)) set.add(g);
      }
    a.lemmas = set;
  }
  return a.lemmas;
}
