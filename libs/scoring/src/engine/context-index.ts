import { splitSentences } from '../text/sentences.util';
import { CallMemo } from './call-memo';
import {
  lexScope,
  stemCacheGeneration,
  stemEntryOf,
  tokenizeWords,
  tokensOf,
  type Lex,
  type Token,
  type Words,
} from '../text/tokens.util';

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

/** BM25+ idf of a stem found in df of n sentences: > 0 for any df ≤ n. */
function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

// Each build stamps the words it meets (Lex.mark) with its own number: the local id of a word
// is then a field read, not a string-keyed Map lookup per token.
let buildNumber = 0;

/**
 * A context sentence; its tokens and tf Map are built only if someone asks for them (BM25 uses
 * arrays, and signals read the tokens of the few sentences outputs align to).
 */
class IndexedSentence implements ContextSentence {
  private tfCache?: Map<string, number>;
  private tokensCache?: Token[];

  constructor(
    readonly passage: number,
    readonly index: number,
    readonly text: string,
    private readonly words: Words,
    /** This sentence's words are [from, from + length) of `words`. */
    private readonly from: number,
    readonly length: number,
    private readonly owner: ContextIndex,
  ) {}

  get tokens(): Token[] {
    this.tokensCache ??= tokensOf(this.words, this.from, this.from + this.length);
    return this.tokensCache;
  }

  get tf(): Map<string, number> {
    this.tfCache ??= this.owner.termFrequencies(this.index);
    return this.tfCache;
  }
}

/** Read-only membership view of a Map's keys (what signals ask of `norms`). */
export interface KeySet {
  has(key: string): boolean;
  readonly size: number;
}

/**
 * BM25 over the sentences of all context passages, built once per scoring call. Sentences,
 * not passages, are the unit: a claim is supported by a sentence, and a swapped word from
 * elsewhere in a long document would look supported at passage level.
 *
 * Built for speed (a 20 KB context is ~3,500 tokens, ~150 sentences): words and stems get
 * small local ids through the Lex scratch fields, and the per-sentence stem lists and the
 * postings live in flat typed arrays (CSR) instead of hundreds of small Maps and arrays.
 */
export class ContextIndex {
  readonly sentences: ContextSentence[] = [];
  /** Word (norm) → small local id, so bigrams hash as numbers, not strings. */
  private readonly wordIds = new Map<string, number>();
  /** Lower-cased surface forms present anywhere in the context. */
  readonly norms: KeySet = this.wordIds;
  /**
   * Content stem → local stem id (0…stemCount-1), read from the stems' own StemEntry.slot while
   * this is the latest build over the same stem cache (no Map to fill per build); an older
   * index builds this Map the first time it is asked.
   */
  private stemIds?: Map<string, number>;
  private readonly mark: number;
  private readonly stemGeneration: number;
  /** Local stem id → stem. */
  private readonly stemTexts: string[] = [];
  /** Local stem id → number of sentences containing it. */
  private readonly dfById: Int32Array;
  /** Sentence s's distinct content stems (first-appearance order) and counts: [sentStart[s], sentStart[s+1]). */
  private readonly sentStems: Int32Array;
  private readonly sentCounts: Int32Array;
  private readonly sentStart: Int32Array;
  /** Stem id's postings (sentence indexes, ascending) and its count in each: [postStart[id], postStart[id+1]). */
  private readonly postSentences: Int32Array;
  private readonly postCounts: Int32Array;
  private readonly postStart: Int32Array;
  /** Local word id of every sentence token, sentences one after the other (bounds: tokenStart). */
  private readonly sentenceWordIds: Int32Array;
  private readonly tokenStart: Int32Array;
  private readonly avgLength: number;
  /** Derived tables built on demand by signals (copy frames, quantities), once per index. */
  readonly memo = new CallMemo();

  constructor(readonly passages: { id: string; text: string }[]) {
    lexScope();
    this.stemGeneration = stemCacheGeneration();
    const mark = (this.mark = ++buildNumber);
    const tokenized = passages.map((p) => tokenizeWords(p.text));
    let totalTokens = 0;
    for (const t of tokenized) totalTokens += t.lex.length;
    const wordIdsFlat = new Int32Array(totalTokens);
    const sentStems = new Int32Array(totalTokens);
    const sentCounts = new Int32Array(totalTokens);
    const df = new Int32Array(totalTokens);
    // Per stem: last sentence (number + 1) it was seen in, and its slot in sentStems there.
    const seenIn = new Int32Array(totalTokens);
    const seenAt = new Int32Array(totalTokens);
    const tokenStart: number[] = [0];
    const sentStart: number[] = [0];
    let flat = 0;
    let stemFlat = 0;
    let total = 0;
    for (let passage = 0; passage < passages.length; passage++) {
      const p = passages[passage];
      const words = tokenized[passage];
      const { lex: allLex, bounds } = words;
      let ti = 0;
      for (const s of splitSentences(p.text)) {
        while (ti < allLex.length && bounds[2 * ti] < s.start) ti++;
        const from = ti;
        while (ti < allLex.length && bounds[2 * ti + 1] <= s.end) ti++;
        const index = this.sentences.length;
        for (let k = from; k < ti; k++) {
          const lex: Lex = allLex[k];
          if (lex.mark !== mark) {
            lex.mark = mark;
            lex.slot = this.wordIds.size;
            this.wordIds.set(lex.norm, lex.slot);
          }
          wordIdsFlat[flat++] = lex.slot;
          if (!lex.content) continue;
          const entry = lex.stemEntry;
          if (entry.mark !== mark) {
            entry.mark = mark;
            entry.slot = this.stemTexts.length;
            this.stemTexts.push(entry.text);
          }
          const id = entry.slot;
          if (seenIn[id] !== index + 1) {
            seenIn[id] = index + 1;
            seenAt[id] = stemFlat;
            sentStems[stemFlat] = id;
            sentCounts[stemFlat++] = 1;
            df[id]++;
          } else sentCounts[seenAt[id]]++;
        }
        tokenStart.push(flat);
        sentStart.push(stemFlat);
        const length = ti - from;
        total += length;
        this.sentences.push(new IndexedSentence(passage, index, s.text, words, from, length, this));
      }
    }
    const stems = this.stemTexts.length;
    this.dfById = df.slice(0, stems);
    this.sentStems = sentStems.subarray(0, stemFlat);
    this.sentCounts = sentCounts.subarray(0, stemFlat);
    this.sentStart = Int32Array.from(sentStart);
    // Postings, by counting sort of (stem, sentence) pairs: sentences come out ascending.
    const postStart = new Int32Array(stems + 1);
    for (let id = 0; id < stems; id++) postStart[id + 1] = postStart[id] + this.dfById[id];
    const fill = postStart.slice(0, stems);
    this.postSentences = new Int32Array(stemFlat);
    this.postCounts = new Int32Array(stemFlat);
    for (let s = 0; s + 1 < this.sentStart.length; s++)
      for (let j = this.sentStart[s]; j < this.sentStart[s + 1]; j++) {
        const at = fill[this.sentStems[j]]++;
        this.postSentences[at] = s;
        this.postCounts[at] = this.sentCounts[j];
      }
    this.postStart = postStart;
    this.sentenceWordIds = wordIdsFlat.subarray(0, flat);
    this.tokenStart = Int32Array.from(tokenStart);
    this.avgLength = this.sentences.length ? total / this.sentences.length : 1;
  }

  /** A sentence's content stems → counts, in order of first appearance (ContextSentence.tf). */
  termFrequencies(sentence: number): Map<string, number> {
    const tf = new Map<string, number>();
    for (let j = this.sentStart[sentence]; j < this.sentStart[sentence + 1]; j++)
      tf.set(this.stemTexts[this.sentStems[j]], this.sentCounts[j]);
    return tf;
  }

  private dfCache?: Map<string, number>;

  /** Every content stem of the context → number of sentences containing it. */
  get df(): Map<string, number> {
    if (!this.dfCache) {
      this.dfCache = new Map();
      for (let id = 0; id < this.stemTexts.length; id++)
        this.dfCache.set(this.stemTexts[id], this.dfById[id]);
    }
    return this.dfCache;
  }

  /** Word (norm) → its local id; ids follow first appearance, 0…size-1. */
  get wordIdsByNorm(): ReadonlyMap<string, number> {
    return this.wordIds;
  }

  /** The local word id of every sentence token, in order; sentence s owns [tokenBounds[s], tokenBounds[s+1]). */
  get tokenWordIds(): Int32Array {
    return this.sentenceWordIds;
  }

  get tokenBounds(): Int32Array {
    return this.tokenStart;
  }

  private localStemId(stemKey: string): number | undefined {
    if (this.mark === buildNumber && this.stemGeneration === stemCacheGeneration()) {
      const entry = stemEntryOf(stemKey);
      return entry !== undefined && entry.mark === this.mark ? entry.slot : undefined;
    }
    this.stemIds ??= new Map(this.stemTexts.map((stem, id) => [stem, id]));
    return this.stemIds.get(stemKey);
  }

  /** Local id of a content stem of the context, or -1. */
  stemId(stemKey: string): number {
    return this.localStemId(stemKey) ?? -1;
  }

  /** Number of distinct content stems (local stem ids are 0…stemCount-1). */
  get stemCount(): number {
    return this.stemTexts.length;
  }

  /** Indexes of the sentences containing a stem. */
  sentencesWith(stemKey: string): readonly number[] {
    const id = this.localStemId(stemKey);
    return id === undefined
      ? []
      : Array.from(this.postSentences.subarray(this.postStart[id], this.postStart[id + 1]));
  }

  /** Postings of the stem with this local id: sentence indexes at [postingsFrom(id), postingsTo(id)) of postingSentences. */
  postingsFrom(id: number): number {
    return this.postStart[id];
  }

  postingsTo(id: number): number {
    return this.postStart[id + 1];
  }

  /** Sentence indexes of all postings, stem after stem (see postingsFrom). */
  get postingSentences(): Int32Array {
    return this.postSentences;
  }

  /** Whether a stem occurs anywhere in the context. */
  has(stemKey: string): boolean {
    return this.localStemId(stemKey) !== undefined;
  }

  /** Inverse document frequency (BM25+ flavour, never negative). */
  idf(stemKey: string): number {
    const id = this.localStemId(stemKey);
    return idfOf(this.sentences.length, id === undefined ? 0 : this.dfById[id]);
  }

  private searchScores?: Float64Array;

  /** The `k` best sentences for the query stems, best first, with their BM25 scores. */
  search(query: string[], k = 3): { sentence: ContextSentence; score: number }[] {
    // Scores accumulate in a per-index array (every part is > 0, so 0 means not yet scored);
    // `touched` keeps first-scored order and resets the array for the next query.
    const scores = (this.searchScores ??= new Float64Array(this.sentences.length));
    const touched: number[] = [];
    for (const q of query) {
      const id = this.localStemId(q);
      if (id === undefined) continue;
      const idf = idfOf(this.sentences.length, this.dfById[id]);
      for (let j = this.postStart[id]; j < this.postStart[id + 1]; j++) {
        const idx = this.postSentences[j];
        const s = this.sentences[idx];
        const f = this.postCounts[j];
        const part = (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * s.length) / this.avgLength));
        if (scores[idx] === 0) touched.push(idx);
        scores[idx] += part;
      }
    }
    // Partial selection: k is 1–3 while a long context scores hundreds of sentences.
    const top: [number, number][] = [];
    for (const idx of touched) {
      const entry: [number, number] = [idx, scores[idx]];
      scores[idx] = 0;
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
