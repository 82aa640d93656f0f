import { splitSentences } from '../text/sentences.util';
import { lexScope, tokenizeWords, type Lex, type Token } from '../text/tokens.util';

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

// Each build stamps the words it meets (Lex.mark) with its own number: the local id of a word
// is then a field read, not a string-keyed Map lookup per token.
let buildNumber = 0;

/** A context sentence; its tf Map is built only if someone asks for it (BM25 uses arrays). */
class IndexedSentence implements ContextSentence {
  private tfCache?: Map<string, number>;

  constructor(
    readonly passage: number,
    readonly index: number,
    readonly text: string,
    readonly tokens: Token[],
    readonly length: number,
    private readonly owner: ContextIndex,
  ) {}

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
  /** Content stem → local stem id (0…stemCount-1). */
  private readonly stemIds = new Map<string, number>();
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

  constructor(readonly passages: { id: string; text: string }[]) {
    lexScope();
    const mark = ++buildNumber;
    const tokenized = passages.map((p) => tokenizeWords(p.text));
    let totalTokens = 0;
    for (const t of tokenized) totalTokens += t.tokens.length;
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
      const { tokens: allTokens, lex: allLex } = tokenized[passage];
      let ti = 0;
      for (const s of splitSentences(p.text)) {
        while (ti < allTokens.length && allTokens[ti].start < s.start) ti++;
        const from = ti;
        while (ti < allTokens.length && allTokens[ti].end <= s.end) ti++;
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
            this.stemIds.set(entry.text, entry.slot);
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
        this.sentences.push(
          new IndexedSentence(passage, index, s.text, allTokens.slice(from, ti), length, this),
        );
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

  /** Local id of a content stem of the context, or -1. */
  stemId(stemKey: string): number {
    return this.stemIds.get(stemKey) ?? -1;
  }

  /** Number of distinct content stems (local stem ids are 0…stemCount-1). */
  get stemCount(): number {
    return this.stemTexts.length;
  }

  /** Indexes of the sentences containing a stem. */
  sentencesWith(stemKey: string): readonly number[] {
    const id = this.stemIds.get(stemKey);
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
    return this.stemIds.has(stemKey);
  }

  /** Inverse document frequency (BM25+ flavour, never negative). */
  idf(stemKey: string): number {
    const n = this.sentences.length;
    const id = this.stemIds.get(stemKey);
    const df = id === undefined ? 0 : this.dfById[id];
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The `k` best sentences for the query stems, best first, with their BM25 scores. */
  search(query: string[], k = 3): { sentence: ContextSentence; score: number }[] {
    const scores = new Map<number, number>();
    for (const q of query) {
      const id = this.stemIds.get(q);
      if (id === undefined) continue;
      const idf = this.idf(q);
      for (let j = this.postStart[id]; j < this.postStart[id + 1]; j++) {
        const idx = this.postSentences[j];
        const s = this.sentences[idx];
        const f = this.postCounts[j];
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
