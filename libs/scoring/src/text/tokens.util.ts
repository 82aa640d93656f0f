import { computeStem } from './stem.util';
import { CURRENCY_CODES, isContent } from './stopwords.util';

/** A word of the text, with its offsets into the original string. */
export interface Token {
  /** Lower-cased surface form. */
  norm: string;
  /** Light stem used for matching ("increased" and "increase" meet). */
  stem: string;
  start: number;
  end: number;
}

/**
 * What is known about a distinct word, computed once per process (bounded cache) instead of
 * once per occurrence. `mark`/`slot` are scratch fields for index builders: a builder stamps
 * the words it meets with its own mark and keeps its local id in `slot`, which replaces a
 * string-keyed Map lookup per token. Identity (one Lex per word) holds within one
 * tokenizeWords scope (see lexScope); builders must not rely on it across scopes.
 */
export interface Lex {
  norm: string;
  stem: string;
  content: boolean;
  stemEntry: StemEntry;
  mark: number;
  slot: number;
}

/**
 * A distinct stem, with the same scratch fields as Lex. Only ContextIndex writes them, and it
 * keeps reading them after its build (its stem ids): no other builder may use them.
 */
export interface StemEntry {
  text: string;
  mark: number;
  slot: number;
}

// The tokenizer is a hand-written scanner equivalent to this regex (letters, marks and digits;
// an inner apostrophe keeps "don't" whole so negation is seen), which costs several times more
// per character on long contexts:
//   /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?/gu
// Scripts written without spaces between words go to Intl.Segmenter instead:
const NO_SPACE_SCRIPT_RE =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const L = 1;
const M = 2;
const N = 4;
const NO_SPACE = 8;
const KNOWN = 16;
const LETTER_RE = /^\p{L}$/u;
const MARK_RE = /^\p{M}$/u;
const NUMBER_RE = /^\p{N}$/u;

/** Character classes by code point, filled lazily (a text touches few distinct characters). */
const BMP_CLASS = new Uint8Array(65_536);
const ASTRAL_CLASS = new Map<number, number>();
for (let c = 0; c < 128; c++) {
  const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  BMP_CLASS[c] = KNOWN | (isLetter ? L : 0) | (c >= 48 && c <= 57 ? N : 0);
}

function classifyCodePoint(cp: number): number {
  const s = String.fromCodePoint(cp);
  return (
    KNOWN |
    (LETTER_RE.test(s) ? L : 0) |
    (MARK_RE.test(s) ? M : 0) |
    (NUMBER_RE.test(s) ? N : 0) |
    (NO_SPACE_SCRIPT_RE.test(s) ? NO_SPACE : 0)
  );
}

function classOf(cp: number): number {
  if (cp < 65_536) {
    const c = BMP_CLASS[cp];
    if (c !== 0) return c;
    return (BMP_CLASS[cp] = classifyCodePoint(cp));
  }
  let c = ASTRAL_CLASS.get(cp);
  if (c === undefined) {
    c = classifyCodePoint(cp);
    if (ASTRAL_CLASS.size < 10_000) ASTRAL_CLASS.set(cp, c);
  }
  return c;
}

let wordSegmenter: Intl.Segmenter | undefined;

/** Whether the text needs dictionary word segmentation (Thai, Lao, Khmer, Myanmar, CJK). */
export function needsSegmenter(text: string): boolean {
  return NO_SPACE_SCRIPT_RE.test(text);
}

const LEX_LIMIT = 100_000;
const lexCache = new Map<string, Lex>();
const stemCache = new Map<string, StemEntry>();

/**
 * Call before a run of tokenizeWords calls whose Lex identities must agree (one index build).
 * The caches are bounded by clearing them here, between scopes, never inside one.
 */
export function lexScope(): void {
  if (lexCache.size > LEX_LIMIT || asciiCount > LEX_LIMIT) {
    lexCache.clear();
    clearAscii();
  }
  if (stemCache.size > LEX_LIMIT) {
    stemCache.clear();
    stemGeneration++;
  }
}

let stemGeneration = 0;

/**
 * The StemEntry of a stem met by the tokenizer, and the generation of the stem cache (it
 * changes when the cache is cleared: entries found before are then no longer returned).
 */
export function stemEntryOf(stem: string): StemEntry | undefined {
  return stemCache.get(stem);
}

export function stemCacheGeneration(): number {
  return stemGeneration;
}

// The same Lex entries for ASCII words, found straight from the text: the scanner hashes the
// lower-cased characters as it reads them and compares in place, so a known word costs no
// slice, no toLowerCase and no string hashing. Open addressing over small typed arrays (they
// stay in cache); the table doubles when half full.
let asciiSlots = 1 << 12;
let asciiHash = new Int32Array(asciiSlots);
/** Slot → 1 + index into asciiList; 0 = empty. */
let asciiRef = new Int32Array(asciiSlots);
let asciiList: Lex[] = [];
let asciiCount = 0;

function clearAscii(): void {
  asciiSlots = 1 << 12;
  asciiHash = new Int32Array(asciiSlots);
  asciiRef = new Int32Array(asciiSlots);
  asciiList = [];
  asciiCount = 0;
}

function asciiInsert(hash: number, ref: number): void {
  const mask = asciiSlots - 1;
  let slot = hash & mask;
  while (asciiRef[slot] !== 0) slot = (slot + 1) & mask;
  asciiHash[slot] = hash;
  asciiRef[slot] = ref;
}

function asciiLookup(text: string, start: number, end: number, hash: number): Lex {
  const len = end - start;
  const mask = asciiSlots - 1;
  let slot = hash & mask;
  for (let ref = asciiRef[slot]; ref !== 0; ref = asciiRef[slot]) {
    if (asciiHash[slot] === hash) {
      const norm = asciiList[ref - 1].norm;
      if (norm.length === len) {
        let k = 0;
        for (; k < len; k++) {
          let c = text.charCodeAt(start + k);
          if (c >= 65 && c <= 90) c |= 0x20;
          if (c !== norm.charCodeAt(k)) break;
        }
        if (k === len) return asciiList[ref - 1];
      }
    }
    slot = (slot + 1) & mask;
  }
  const lex = lexOf(text.slice(start, end).toLowerCase());
  asciiList.push(lex);
  asciiHash[slot] = hash;
  asciiRef[slot] = asciiList.length;
  if (++asciiCount * 2 > asciiSlots) {
    const oldHash = asciiHash;
    const oldRef = asciiRef;
    asciiSlots *= 2;
    asciiHash = new Int32Array(asciiSlots);
    asciiRef = new Int32Array(asciiSlots);
    for (let i = 0; i < oldRef.length; i++) if (oldRef[i] !== 0) asciiInsert(oldHash[i], oldRef[i]);
  }
  return lex;
}

/** The Lex of a lower-cased word. */
export function lexOf(norm: string): Lex {
  let lex = lexCache.get(norm);
  if (lex === undefined) {
    const s = computeStem(norm);
    let entry = stemCache.get(s);
    if (entry === undefined) stemCache.set(s, (entry = { text: s, mark: 0, slot: 0 }));
    lex = { norm, stem: entry.text, content: isContent(norm), stemEntry: entry, mark: 0, slot: 0 };
    lexCache.set(norm, lex);
  }
  return lex;
}

/** Splits text into word tokens; Intl.Segmenter is used only for scripts without spaces, since it is slow. */
export function tokenize(text: string): Token[] {
  lexScope();
  const n = scan(text);
  const tokens: Token[] = [];
  for (let i = 0; i < n; i++) tokens.push(tokenAt(scratchLex[i], scratchBounds, i));
  return tokens;
}

/** The stems of a text's words, in order, without building tokens. */
export function stemsOf(text: string): string[] {
  lexScope();
  const n = scan(text);
  const stems: string[] = [];
  for (let i = 0; i < n; i++) stems.push(scratchLex[i].stem);
  return stems;
}

/**
 * The words of a text as parallel arrays, without a Token object per word: a 20 KB context has
 * thousands of words, and most of them are only ever read through their Lex entries.
 */
export interface Words {
  lex: Lex[];
  /** Word i spans [bounds[2i], bounds[2i + 1]) of the text. */
  bounds: Int32Array;
}

/** The words of a text with their Lex entries. Call lexScope() first. */
export function tokenizeWords(text: string): Words {
  const n = scan(text);
  return { lex: scratchLex.slice(0, n), bounds: scratchBounds.slice(0, 2 * n) };
}

// The scanner writes every word to these buffers, reused from call to call, and callers copy
// out what they keep: arrays grown one push at a time were a large share of the garbage.
const scratchLex: Lex[] = [];
let scratchBounds = new Int32Array(4096);
let scratchCount = 0;

function addWord(lex: Lex, start: number, end: number): void {
  if (2 * scratchCount + 2 > scratchBounds.length) {
    const grown = new Int32Array(2 * scratchBounds.length);
    grown.set(scratchBounds);
    scratchBounds = grown;
  }
  scratchLex[scratchCount] = lex;
  scratchBounds[2 * scratchCount] = start;
  scratchBounds[2 * scratchCount + 1] = end;
  scratchCount++;
}

/** Puts the words of a text in the scratch buffers; returns how many. */
function scan(text: string): number {
  scratchCount = 0;
  if (text && !scanWords(text)) {
    scratchCount = 0;
    wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const seg of wordSegmenter.segment(text))
      if (seg.isWordLike)
        addWord(lexOf(seg.segment.toLowerCase()), seg.index, seg.index + seg.segment.length);
  }
  return scratchCount;
}

function tokenAt(lex: Lex, bounds: Int32Array, i: number): Token {
  return { norm: lex.norm, stem: lex.stem, start: bounds[2 * i], end: bounds[2 * i + 1] };
}

/** Tokens of words [from, to). */
export function tokensOf(words: Words, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (let i = from; i < to; i++) tokens.push(tokenAt(words.lex[i], words.bounds, i));
  return tokens;
}

/**
 * The regex tokenizer as a scanner; false (and partial output) when the text holds a character
 * of a script written without spaces, which the caller then segments with Intl.Segmenter.
 */
function scanWords(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    let w = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + lo - 0xdc00 + 0x10000;
        w = 2;
      }
    }
    let cls = cp < 128 ? BMP_CLASS[cp] : classOf(cp);
    if (cls & NO_SPACE) return false;
    if ((cls & (L | N)) === 0) {
      i += w;
      continue;
    }
    const start = i;
    // FNV-1a over the lower-cased characters while they are all ASCII.
    let ascii = cp < 128;
    let hash = ascii
      ? Math.imul(0x811c9dc5 ^ (cp >= 65 && cp <= 90 ? cp | 0x20 : cp), 0x01000193)
      : 0;
    i += w;
    // [\p{L}\p{M}\p{N}]*
    while (i < n) {
      cp = text.charCodeAt(i);
      if (cp < 128) {
        cls = BMP_CLASS[cp];
        if ((cls & (L | N)) === 0) break;
        // "RM85" is the figure 85 in ringgit: the code and the figure are two words, as in "RM 85".
        if (cls & N && i - start <= 3 && CURRENCY_CODES.has(text.slice(start, i).toLowerCase()))
          break;
        if (ascii) hash = Math.imul(hash ^ (cp >= 65 && cp <= 90 ? cp | 0x20 : cp), 0x01000193);
        i++;
        continue;
      }
      ascii = false;
      w = 1;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + lo - 0xdc00 + 0x10000;
          w = 2;
        }
      }
      cls = classOf(cp);
      if (cls & NO_SPACE) return false;
      if ((cls & (L | M | N)) === 0) break;
      i += w;
    }
    // (?:['’][\p{L}]+)?
    let curly = false;
    if (i < n) {
      const q = text.charCodeAt(i);
      if (q === 0x27 || q === 0x2019) {
        let j = i + 1;
        let letters = 0;
        let h = ascii && q === 0x27 ? Math.imul(hash ^ q, 0x01000193) : 0;
        let all = ascii && q === 0x27;
        while (j < n) {
          cp = text.charCodeAt(j);
          w = 1;
          if (cp >= 0xd800 && cp <= 0xdbff && j + 1 < n) {
            const lo = text.charCodeAt(j + 1);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
              cp = (cp - 0xd800) * 0x400 + lo - 0xdc00 + 0x10000;
              w = 2;
            }
          }
          cls = cp < 128 ? BMP_CLASS[cp] : classOf(cp);
          if (cls & NO_SPACE) return false;
          if ((cls & L) === 0) break;
          if (cp < 128) h = Math.imul(h ^ (cp | 0x20), 0x01000193);
          else all = false;
          j += w;
          letters++;
        }
        if (letters > 0) {
          curly = q === 0x2019;
          ascii = all;
          hash = h;
          i = j;
        }
      }
    }
    let x: Lex;
    if (ascii) x = asciiLookup(text, start, i, hash);
    else {
      const lower = text.slice(start, i).toLowerCase();
      x = lexOf(curly ? lower.replace(/’/g, "'") : lower);
    }
    addWord(x, start, i);
  }
  return true;
}

/** The stem of a lower-cased word (see computeStem), from the cache when the word was met. */
export function stem(word: string): string {
  return lexCache.get(word)?.stem ?? computeStem(word);
}
