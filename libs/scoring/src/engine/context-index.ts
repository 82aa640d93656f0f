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

  private bigramCache?: Set<string>;

  /** Adjacent lower-cased word pairs of the context ("per share"), built on first use. */
  bigrams(): Set<string> {
    if (!this.bigramCache) {
      this.bigramCache = new Set();
      for (const s of this.sentences) for (let i = 1; i < s.tokens.length; i++) this.bigramCache.add(`${s.tokens[i - 1].norm} ${s.tokens[i].norm}`);
    }
    return this.bigramCache;
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
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
    return ranked.map(([idx, score]) => ({ sentence: this.sentences[idx], score }));
  }
}
