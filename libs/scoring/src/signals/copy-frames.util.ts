import type { Analysis } from '../engine/analysis';
import { memoKey } from '../engine/call-memo';
import type { ContextIndex } from '../engine/context-index';
import type { Token } from '../text/tokens.util';

/**
 * The context as a sequence of word ids, with the tables the edit and fragment features need:
 * bigram → positions (to grow copied fragments) and skip-bigram "a _ c" → the words seen in the
 * gap (to recognise a one-word substitution or insertion inside an otherwise copied stretch).
 * Built once per ContextIndex, from the word ids the index already holds (no re-tokenising).
 * Positions sharing a key are chained through Int32Arrays instead of an array per key: a 20 KB
 * context has thousands of distinct bigrams, and one small array each is most of the cost.
 * The pair → last position tables are open-addressing hash tables in Int32Arrays too: a slot
 * holds a position p, and the pair it stands for is read back from `seq` at p, so the table
 * needs no keys, and its build allocates two arrays instead of growing two Maps of thousands.
 */
export interface CopyFrames {
  ids: ReadonlyMap<string, number>;
  /** Word id → its text. */
  words: string[];
  /** Word ids of the context in order; -1 separates passages so no fragment crosses them. */
  seq: Int32Array;
  /** Bigram (a, b) → last position p with seq[p] = a, seq[p + 1] = b (see headOf); earlier ones via `bigramPrev`. */
  bigramHeads: Int32Array;
  bigramPrev: Int32Array;
  /** Skip-bigram (a, c) → last position p with seq[p] = a, seq[p + 2] = c; earlier via `gapPrev`. */
  gapHeads: Int32Array;
  gapPrev: Int32Array;
}

const MAX_GAP_WORDS = 8;
const FRAMES = memoKey<CopyFrames>('copyFrames');
const EMPTY = -1;

/**
 * The slot of pair (a, b) in a head table whose positions p stand for (seq[p], seq[p + span]):
 * the slot holding it, or the empty slot where it would go. Linear probing; tables are at most
 * half full.
 */
function slotOf(table: Int32Array, seq: Int32Array, span: number, a: number, b: number): number {
  const mask = table.length - 1;
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const p = table[slot];
    if (p === EMPTY || (seq[p] === a && seq[p + span] === b)) return slot;
  }
}

/** Last position of pair (a, b) in a head table, or -1. */
function headOf(table: Int32Array, seq: Int32Array, span: number, a: number, b: number): number {
  return table[slotOf(table, seq, span, a, b)];
}

/** An empty head table for up to n pairs. */
function headTable(n: number): Int32Array {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return new Int32Array(size).fill(EMPTY);
}

export function copyFrames(index: ContextIndex): CopyFrames {
  return index.memo.get(FRAMES, () => buildFrames(index));
}

function buildFrames(index: ContextIndex): CopyFrames {
  // The index already numbers the words in order of first appearance: reuse its ids.
  const ids = index.wordIdsByNorm;
  const words = [...ids.keys()];
  const source = index.tokenWordIds;
  const bounds = index.tokenBounds;
  const seq = new Int32Array(source.length + index.sentences.length);
  let n = 0;
  let passage = -1;
  index.sentences.forEach((s, k) => {
    if (s.passage !== passage && n > 0) seq[n++] = -1;
    passage = s.passage;
    for (let j = bounds[k]; j < bounds[k + 1]; j++) seq[n++] = source[j];
  });
  const q = seq.subarray(0, n);
  const bigramHeads = headTable(n);
  const gapHeads = headTable(n);
  const bigramPrev = new Int32Array(n);
  const gapPrev = new Int32Array(n);
  for (let i = 0; i + 1 < n; i++) {
    if (q[i] < 0 || q[i + 1] < 0) continue;
    const k = slotOf(bigramHeads, q, 1, q[i], q[i + 1]);
    bigramPrev[i] = bigramHeads[k];
    bigramHeads[k] = i;
    if (i + 2 < n && q[i + 2] >= 0) {
      const g = slotOf(gapHeads, q, 2, q[i], q[i + 2]);
      gapPrev[i] = gapHeads[g];
      gapHeads[g] = i;
    }
  }
  return { ids, words, seq: q, bigramHeads, bigramPrev, gapHeads, gapPrev };
}

/** The distinct words the context puts between a and c ("grew" for "revenue _ 12"), or undefined. */
export function gapWords(frames: CopyFrames, a: number, c: number): number[] | undefined {
  let p = headOf(frames.gapHeads, frames.seq, 2, a, c);
  if (p === EMPTY) return undefined;
  const out: number[] = [];
  for (; p >= 0 && out.length < MAX_GAP_WORDS; p = frames.gapPrev[p]) {
    const w = frames.seq[p + 1];
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

/** Output tokens as context word ids (-1 for words the context never uses). */
export function idsOf(frames: CopyFrames, tokens: Token[]): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = frames.ids.get(tokens[i].norm) ?? -1;
  return out;
}

export function hasBigram(frames: CopyFrames, a: number, b: number): boolean {
  return a >= 0 && b >= 0 && headOf(frames.bigramHeads, frames.seq, 1, a, b) !== EMPTY;
}

// A very common bigram ("of the") can start hundreds of fragments; the longest is almost
// always found among the first few, and the cap bounds the work on a 200 KB context.
const MAX_CANDIDATES = 48;

/** A maximal stretch of output tokens copied verbatim from the context. */
export interface Fragment {
  start: number;
  length: number;
}

/**
 * Extractive fragments (Grusky et al. 2018): greedily, from each output position, the longest
 * run of words found verbatim in the context. Runs of one word are not fragments here: a
 * shared word is overlap, a shared run is copying.
 */
export function extractiveFragments(frames: CopyFrames, out: Int32Array): Fragment[] {
  const fragments: Fragment[] = [];
  const q = frames.seq;
  let i = 0;
  while (i + 1 < out.length) {
    let best = 0;
    if (out[i] >= 0 && out[i + 1] >= 0) {
      let p = headOf(frames.bigramHeads, q, 1, out[i], out[i + 1]);
      for (let c = 0; p >= 0 && c < MAX_CANDIDATES; c++, p = frames.bigramPrev[p]) {
        let len = 2;
        while (i + len < out.length && p + len < q.length && q[p + len] === out[i + len]) len++;
        if (len > best) best = len;
      }
    }
    if (best >= 2) {
      fragments.push({ start: i, length: best });
      i += best;
    } else i++;
  }
  return fragments;
}

/** How much of the output is copied in runs, as Grusky et al.'s coverage and density. */
export interface CopyStats {
  /** Share of output words inside a copied run of two or more words. */
  coverage: number;
  /** Σ|run|² / words: high when the output copies long stretches. */
  density: number;
  longest: number;
}

export function copyStats(fragments: Fragment[], words: number): CopyStats {
  let covered = 0;
  let squares = 0;
  let longest = 0;
  for (const f of fragments) {
    covered += f.length;
    squares += f.length * f.length;
    if (f.length > longest) longest = f.length;
  }
  return words
    ? { coverage: covered / words, density: squares / words, longest }
    : { coverage: 1, density: 0, longest: 0 };
}

/** The output seen against the context's copy frames, shared by the signals of one call. */
export interface OutputCopy {
  frames: CopyFrames;
  /** Output tokens (analysis.tokens) as context word ids. */
  ids: Int32Array;
  fragments: Fragment[];
}

const OUTPUT_COPY = memoKey<OutputCopy>('outputCopy');

export function outputCopy(analysis: Analysis, index: ContextIndex): OutputCopy {
  return analysis.memo.get(OUTPUT_COPY, () => {
    const frames = copyFrames(index);
    const ids = idsOf(frames, analysis.tokens);
    return { frames, ids, fragments: extractiveFragments(frames, ids) };
  });
}
