import type { Analysis } from './analysis';
import { memoKey } from './call-memo';
import type { ContextIndex } from './context-index';
import { negates } from '../text/negators.util';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';

/**
 * Where the output's words come from locally: for each content word and negator with two
 * neighbours or more, the context sentences that hold its neighbours. Word k of `tokens` has
 * its numbers at index k of the parallel arrays (no object per word: this runs on every
 * scoring).
 */
export interface LocalSources {
  tokens: Token[];
  /** Distinct neighbour stems: ±RADIUS content words around the word in the same sentence. */
  neighbours: number[];
  /** Most neighbours found together in one context sentence. */
  together: number[];
  /** Most neighbours found in a context sentence that also has the word itself. */
  withWord: number[];
  /** Whether the word's stem occurs anywhere in the context. */
  inContext: boolean[];
  /**
   * Word k's candidate sentences are candidates[candidateFrom[k]] up to candidateFrom[k + 1]:
   * the context sentences holding at least max(2, together − 1) of its neighbours, in the
   * order first met (at most MAX_CANDIDATES), i.e. where the stretch around the word comes
   * from. None when no sentence holds two neighbours.
   */
  candidateFrom: number[];
  candidates: number[];
}

const RADIUS = 4;
const MAX_CANDIDATES = 8;
const LOCAL_SOURCES = memoKey<LocalSources>('localSources');

/**
 * One pass over the output: for each content word and each negator, the context sentences
 * that hold most of its neighbours. Sentence alignment finds where a whole sentence comes from;
 * this finds where each stretch comes from, which is what a summary sentence fusing two source
 * sentences needs. Cost: the postings of the neighbours, i.e. linear in output size for a
 * given context, with no pass over the context per word.
 */
export function localSources(analysis: Analysis, index: ContextIndex): LocalSources {
  // Memoised on the call (not a module WeakMap, which kept each call's data alive: see CallMemo).
  return analysis.memo.get(LOCAL_SOURCES, () => build(analysis, index));
}

function build(analysis: Analysis, index: ContextIndex): LocalSources {
  const out: LocalSources = {
    tokens: [],
    neighbours: [],
    together: [],
    withWord: [],
    inContext: [],
    candidateFrom: [0],
    candidates: [],
  };
  const neighbours: string[] = [];
  const neighbourIds: number[] = [];
  // Per context sentence: how many of the neighbours it holds (reset through `touched`).
  const counts = new Int32Array(index.sentences.length);
  const postings = index.postingSentences;
  const touched: number[] = [];
  for (const sentence of analysis.sentences) {
    const content = sentence.tokens.filter((t) => isContent(t.norm));
    let next = 0; // index in `content` of the first content word at or after the token
    for (const t of sentence.tokens) {
      const own = next < content.length && content[next] === t;
      if (own) next++;
      else if (!negates(t.norm)) continue;
      // A content word's window is centred on itself; a negator's on the gap it stands in.
      const at = own ? next - 1 : next;
      neighbours.length = 0;
      neighbourIds.length = 0;
      const last = Math.min(content.length - 1, own ? at + RADIUS : at + RADIUS - 1);
      for (let j = Math.max(0, at - RADIUS); j <= last; j++) {
        const s = content[j].stem;
        if (content[j] !== t && s !== t.stem && !neighbours.includes(s)) {
          neighbours.push(s);
          neighbourIds.push(index.stemId(s));
        }
      }
      // One neighbour cannot place a word: no sentence could hold two of them.
      if (neighbours.length < 2) continue;
      let together = 0;
      for (const id of neighbourIds) {
        if (id < 0) continue;
        for (let j = index.postingsFrom(id); j < index.postingsTo(id); j++) {
          const c = postings[j];
          if (counts[c] === 0) touched.push(c);
          const n = ++counts[c];
          if (n > together) together = n;
        }
      }
      const ownId = index.stemId(t.stem);
      let withWord = 0;
      if (ownId >= 0)
        for (let j = index.postingsFrom(ownId); j < index.postingsTo(ownId); j++)
          if (counts[postings[j]] > withWord) withWord = counts[postings[j]];
      const floor = Math.max(2, together - 1);
      let listed = 0;
      for (const c of touched) {
        if (counts[c] >= floor && listed < MAX_CANDIDATES) {
          out.candidates.push(c);
          listed++;
        }
        counts[c] = 0;
      }
      touched.length = 0;
      out.tokens.push(t);
      out.neighbours.push(neighbours.length);
      out.together.push(together);
      out.withWord.push(withWord);
      out.inContext.push(ownId >= 0);
      out.candidateFrom.push(out.candidates.length);
    }
  }
  return out;
}
