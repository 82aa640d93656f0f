import type { AnalysedSentence, Analysis } from './analysis';
import { memoKey } from './call-memo';
import { glossOf } from '../lexicon/gloss.lexicon';
import { malayRoot } from '../lexicon/malay-affixes';
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

const MALAY_ROOTS = new WeakMap<Alignment, Set<string>>();

/**
 * The Malay roots of the window's words ("pengeluaran" → "keluar"), with the roots written
 * bare, computed once per alignment: "keluarkan" is then found against "pengeluaran". Each is a
 * word of the gloss lexicon (grounding's isParaphrase asks only about such words).
 */
export function windowMalayRoots(a: Alignment): Set<string> {
  let roots = MALAY_ROOTS.get(a);
  if (!roots) {
    roots = new Set<string>();
    for (const s of a.window)
      for (const t of s.tokens) {
        const r = malayRoot(t.norm);
        if (r) roots.add(r);
        else if (glossOf(t.norm).length) roots.add(t.norm);
      }
    MALAY_ROOTS.set(a, roots);
  }
  return roots;
}
