import { splitSentences } from '../text/sentences.util';
import { isContent } from '../text/stopwords.util';
import { tokenize, type Token } from '../text/tokens.util';

/** A context sentence, indexed for BM25. */
export interface ContextSentence {
  passage: number;
  /** Index among all context sentences, in order. */
  index: number;
  text: string;
  tokens: Token[];
  /** Term frequency of content stems. */
  tf: Map<string, number>;
  length: number;
}

function better(a: [number, number], b: [number, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

const K1 = 1.2;
const B = 0.75;

/**
 * BM25 over the sentences of all context passages, built once per scoring call. Sentences,
 * not passages, are the unit: a claim is supported by a sentence, and a swapped word from
 * elsewhere in a long document would look supported at passage level.
 */
export class ContextIndex {
  readonly sentences: ContextSentence[] = [];
  /** Every stem of the context (content or not) → number of sentences containing it. */
  readonly df = new Map<string, number>();
  /** Lower-cased surface forms present anywhere in the context. */
  readonly norms = new Set<string>();
  /** Stem → indexes of sentences containing it (postings). */
  private readonly postings = new Map<string, number[]>();
  private readonly avgLength: number;

  constructor(readonly passages: { id: string; text: string }[]) {
    let total = 0;
    passages.forEach((p, passage) => {
      const allTokens = tokenize(p.text);
      let ti = 0;
      for (const s of splitSentences(p.text)) {
        const tokens: Token[] = [];
        while (ti < allTokens.length && allTokens[ti].start < s.start) ti++;
        while (ti < allTokens.length && allTokens[ti].end <= s.end) tokens.push(allTokens[ti++]);
        const tf = new Map<string, number>();
        for (const t of tokens) {
          this.norms.add(t.norm);
          if (isContent(t.norm)) tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
        }
        const index = this.sentences.length;
        for (const stemKey of tf.keys()) {
          this.df.set(stemKey, (this.df.get(stemKey) ?? 0) + 1);
          let list = this.postings.get(stemKey);
          if (!list) this.postings.set(stemKey, (list = []));
          list.push(index);
        }
        const length = tokens.length;
        total += length;
        this.sentences.push({ passage, index, text: s.text, tokens, tf, length });
      }
    });
    this.avgLength = this.sentences.length ? total / this.sentences.length : 1;
  }

  private bigramCache?: Set<number>;
  private readonly wordIds = new Map<string, number>();

  /** A small integer per distinct word of the context, so bigrams hash as numbers, not strings. */
  wordId(norm: string): number | undefined {
    return this.wordIds.get(norm);
  }

  /** Whether two words occur adjacent in the context ("per share"); the pair set is built on first use. */
  hasBigram(a: string, b: string): boolean {
    if (!this.bigramCache) {
      this.bigramCache = new Set();
      for (const s of this.sentences)
        for (let i = 1; i < s.tokens.length; i++)
          this.bigramCache.add(
            this.idOf(s.tokens[i - 1].norm) * 1_048_576 + this.idOf(s.tokens[i].norm),
          );
    }
    const ia = this.wordIds.get(a);
    const ib = this.wordIds.get(b);
    return ia !== undefined && ib !== undefined && this.bigramCache.has(ia * 1_048_576 + ib);
  }

  private idOf(norm: string): number {
    let id = this.wordIds.get(norm);
    if (id === undefined) this.wordIds.set(norm, (id = this.wordIds.size));
    return id;
  }

  /** Indexes of the sentences containing a stem. */
  sentencesWith(stemKey: string): readonly number[] {
    return this.postings.get(stemKey) ?? [];
  }

  /** Whether a stem occurs anywhere in the context. */
  has(stemKey: string): boolean {
    return this.df.has(stemKey);
  }

  /** Inverse document frequency (BM25+ flavour, never negative). */
  idf(stemKey: string): number {
    const n = this.sentences.length;
    const df = this.df.get(stemKey) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The `k` best sentences for the query stems, best first, with their BM25 scores. */
  search(query: string[], k = 3): { sentence: ContextSentence; score: number }[] {
    const scores = new Map<number, number>();
    for (const q of query) {
      const list = this.postings.get(q);
      if (!list) continue;
      const idf = this.idf(q);
      for (const idx of list) {
        const s = this.sentences[idx];
        const f = s.tf.get(q) ?? 0;
        const part = (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * s.length) / this.avgLength));
        scores.set(idx, (scores.get(idx) ?? 0) + part);
      }
    }
    // Partial selection: k is 1–3 while a long context scores hundreds of sentences.
    const top: [number, number][] = [];
    for (const entry of scores) {
      if (top.length === k && !better(entry, top[k - 1])) continue;
      let i = top.length === k ? k - 1 : top.length;
      top[i] = entry;
      while (i > 0 && better(top[i], top[i - 1])) {
        [top[i], top[i - 1]] = [top[i - 1], top[i]];
        i--;
      }
    }
    return top.map(([idx, score]) => ({ sentence: this.sentences[idx], score }));
  }
}
