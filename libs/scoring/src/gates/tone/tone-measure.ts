import { asciiLower } from '../gate-support.util';
import { TONE_LEXICONS } from './tone-lexicon';
import { englishGrade } from './english-grade';

/** What the tone measure found in one text. */
export interface ToneMeasure {
  /** 0 (casual) … 1 (formal); 0.5 with no marker either way. */
  formality: number;
  formal: number;
  casual: number;
  exclamations: number;
  /** Spans of shouted words (all capitals). */
  shouting: { start: number; end: number; text: string }[];
  /** Flesch–Kincaid grade of English text, else null. */
  grade: number | null;
  /** The strongest markers that pushed the score, for the finding. */
  evidence: { start: number; end: number; text: string; weight: number }[];
}

/** A Latin-script marker list, matched on word tokens (no regular expression per call). */
interface WordMarkers {
  words: Map<string, number>;
  /** First word → phrases starting with it (longest first). */
  phrases: Map<string, { tokens: string[]; weight: number }[]>;
  prefixes: [string, number][];
  contraction: number;
  stretched: number;
}

/** Thai (no spaces between words): one alternation matched inside the text. */
interface TextMarkers {
  re: RegExp;
  weights: number[];
}

function compileWords(list: [string, number][]): WordMarkers {
  const m: WordMarkers = {
    words: new Map(),
    phrases: new Map(),
    prefixes: [],
    contraction: 0,
    stretched: 0,
  };
  for (const [entry, weight] of list) {
    if (entry === '<contraction>') m.contraction = weight;
    else if (entry === '<stretched>') m.stretched = weight;
    else if (entry.endsWith('*')) m.prefixes.push([entry.slice(0, -1), weight]);
    else {
      const tokens = entry.split(/[\s/]+/);
      if (tokens.length === 1) m.words.set(entry, weight);
      else {
        const list = m.phrases.get(tokens[0]) ?? [];
        list.push({ tokens, weight });
        list.sort((x, y) => y.tokens.length - x.tokens.length);
        m.phrases.set(tokens[0], list);
      }
    }
  }
  return m;
}

function compileText(list: [string, number][]): TextMarkers {
  return {
    re: new RegExp(list.map(([p]) => `(${p})`).join('|'), 'g'),
    weights: list.map(([, w]) => w),
  };
}

type Compiled =
  | { unspaced: false; formal: WordMarkers; casual: WordMarkers }
  | { unspaced: true; formal: TextMarkers; casual: TextMarkers };

// Compiled once per process: the lexicons are fixed; a policy only picks languages.
const COMPILED = new Map<string, Compiled>();
for (const [lang, lex] of Object.entries(TONE_LEXICONS)) {
  COMPILED.set(
    lang,
    lex.unspaced
      ? { unspaced: true, formal: compileText(lex.formal), casual: compileText(lex.casual) }
      : { unspaced: false, formal: compileWords(lex.formal), casual: compileWords(lex.casual) },
  );
}

const wordLexicons = [...COMPILED.values()].flatMap((c) =>
  c.unspaced ? [] : [c.formal, c.casual],
);
const ANY_WORD_OR_PHRASE_START = new Set(
  wordLexicons.flatMap((m) => [...m.words.keys(), ...m.phrases.keys()]),
);
const ANY_PREFIX = [...new Set(wordLexicons.flatMap((m) => m.prefixes.map(([p]) => p)))];

interface Word {
  norm: string;
  start: number;
  end: number;
}

type Add = (start: number, end: number, weight: number) => void;

const CONTRACTED = new Set(['re', 'll', 've', 'm', 'd']);
const S_CONTRACTED = new Set(['it', 'that', 'what', 'there', 'here', 'let']);
/** a e i o u y s h: the letters people stretch ("sooo", "yesss", "uhhh"). */
function stretchable(c: number): boolean {
  return (
    c === 97 ||
    c === 101 ||
    c === 105 ||
    c === 111 ||
    c === 117 ||
    c === 121 ||
    c === 115 ||
    c === 104
  );
}

/** Three of one stretchable letter in a row (on character codes: no one-letter strings made). */
function stretched(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2) && stretchable(c)) return true;
  }
  return false;
}

function hasAnyPrefix(norm: string): boolean {
  for (const p of ANY_PREFIX) if (norm.startsWith(p)) return true;
  return false;
}

/** The longest phrase of `candidates` that starts at words[i], if any. */
function phraseAt(
  candidates: { tokens: string[]; weight: number }[] | undefined,
  words: Word[],
  i: number,
): { tokens: string[]; weight: number } | undefined {
  if (!candidates) return undefined;
  next: for (const p of candidates) {
    if (i + p.tokens.length > words.length) continue;
    for (let k = 1; k < p.tokens.length; k++) if (words[i + k].norm !== p.tokens[k]) continue next;
    return p;
  }
  return undefined;
}

function prefixWeight(prefixes: [string, number][], norm: string): number | undefined {
  for (const [p, weight] of prefixes) if (norm.startsWith(p)) return weight;
  return undefined;
}

/**
 * The words any Latin-script lexicon could start a match on: a word or a phrase's first word of
 * any language, a word with a marker prefix, a stretched word ("sooo"), or one an apostrophe
 * follows (a contraction). Every other word scores nothing in any pass, so each pass visits only
 * these (a tenth of an output's words, typically) instead of all of them.
 */
function markerCandidates(text: string, words: Word[]): number[] {
  const candidates: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const { norm, end } = words[i];
    const apostrophe = text[end];
    if (
      ANY_WORD_OR_PHRASE_START.has(norm) ||
      hasAnyPrefix(norm) ||
      apostrophe === "'" ||
      apostrophe === '’' ||
      stretched(norm)
    )
      candidates.push(i);
  }
  return candidates;
}

function scoreWords(
  m: WordMarkers,
  text: string,
  words: Word[],
  candidates: number[],
  add: Add,
): void {
  // Words up to `free` (exclusive) belong to a phrase or contraction already counted.
  let free = 0;
  for (const i of candidates) {
    if (i < free) continue;
    free = i + 1;
    const w = words[i];
    const phrase = phraseAt(m.phrases.get(w.norm), words, i);
    if (phrase) {
      add(w.start, words[i + phrase.tokens.length - 1].end, phrase.weight);
      free = i + phrase.tokens.length;
      continue;
    }
    const weight = m.words.get(w.norm);
    if (weight !== undefined) add(w.start, w.end, weight);
    else {
      const prefix = m.prefixes.length ? prefixWeight(m.prefixes, w.norm) : undefined;
      if (prefix !== undefined) add(w.start, w.end, prefix);
      else if (m.stretched && stretched(w.norm)) add(w.start, w.end, m.stretched);
    }
    const next = words[i + 1];
    const apostrophe = text[w.end];
    if (
      m.contraction &&
      next &&
      next.start === w.end + 1 &&
      (apostrophe === "'" || apostrophe === '’')
    ) {
      const contracted =
        CONTRACTED.has(next.norm) ||
        (next.norm === 't' && w.norm.endsWith('n')) ||
        (next.norm === 's' && S_CONTRACTED.has(w.norm));
      if (contracted) {
        add(w.start, next.end, m.contraction);
        free = i + 2;
      }
    }
  }
}

function scoreText(m: TextMarkers, lower: string, add: Add): void {
  m.re.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = m.re.exec(lower)) !== null) {
    if (!match[0]) {
      m.re.lastIndex++;
      continue;
    }
    // Thai patterns have no capturing groups of their own: group k + 1 is alternative k.
    let k = 0;
    while (k < m.weights.length && match[k + 1] === undefined) k++;
    add(match.index, match.index + match[0].length, m.weights[k] ?? 1);
  }
}

/** A character of a Latin-script word: [a-z0-9\u00C0-\u024F] (the text is ASCII-lowercased). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}

/** The Latin-script words of `lower`, scanned by hand (a matchAll allocates a match per word). */
function latinWords(lower: string): Word[] {
  const words: Word[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(lower.charCodeAt(i))) i++;
    words.push({ norm: lower.slice(start, i), start, end: i });
  }
  return words;
}

/**
 * One pass over the characters: exclamation marks, and whether the emoji and shouting
 * expressions can match at all (an emoji block, an emoticon's eyes and mouth ":)" ";-P" or "xD",
 * three capitals in a row), so the expressions run only on the few texts that may hold one: a
 * colon alone is common in prose, and running the emoji expression on every such text cost more
 * than the rest of the measure.
 */
function scanMarks(text: string): { exclamations: number; emojiCue: boolean; capitalRun: boolean } {
  let exclamations = 0;
  let emojiCue = false;
  let capitals = 0;
  let capitalRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      if (++capitals >= 3) capitalRun = true;
      continue;
    }
    capitals = 0;
    if (c === 33 || c === 0xff01) exclamations++;
    else if (
      ((c === 58 || c === 59) && emoticonMouth(text, i + 1)) ||
      (c === 120 && text.charCodeAt(i + 1) === 68) ||
      (c >= 0x2600 && c <= 0x27bf) ||
      (c >= 0xd83c && c <= 0xd83e)
    )
      emojiCue = true;
  }
  return { exclamations, emojiCue, capitalRun };
}
/** An emoticon's mouth (optionally after a "-" nose) at `at`: ")", "(", "D", "P" or "p". */
function emoticonMouth(text: string, at: number): boolean {
  let c = text.charCodeAt(at);
  if (c === 45) c = text.charCodeAt(at + 1);
  return c === 41 || c === 40 || c === 68 || c === 80 || c === 112;
}

const THAI_RE = /[\u0E00-\u0E7F]/;

// Emoji (the pictographic blocks, as UTF-16) and emoticons; no `u` flag (see asciiLower).
const EMOJI_RE =
  /[\u2600-\u27BF]|\uD83C[\uDF00-\uDFFF]|\uD83D[\uDC00-\uDEFF]|\uD83E[\uDD00-\uDEFF]|(?<![A-Za-z0-9])(?:[:;]-?[)(DPp]|xD)(?![A-Za-z0-9])/g;
const SHOUT_RE = /(?<![A-Za-z0-9])(?:[A-Z]{5,}|[A-Z]{3,}(?:\s+[A-Z]{3,})+)(?![A-Za-z0-9])/g;

/** Formality and the other tone measures of `text`, with the lexicons of `languages`. */
export function measureTone(text: string, languages: readonly string[]): ToneMeasure {
  const evidence: ToneMeasure['evidence'] = [];
  let formal = 0;
  let casual = 0;
  // Lexicons are lowercase; `lower` keeps every offset of `text` (see asciiLower).
  const lower = asciiLower(text);
  const words = latinWords(lower);
  const candidates = markerCandidates(text, words);
  const hasThai = THAI_RE.test(text);
  const seen = new Set<object>();
  for (const lang of languages) {
    const c = COMPILED.get(lang);
    if (!c || seen.has(c) || (c.unspaced && !hasThai)) continue;
    seen.add(c);
    for (const sign of [1, -1]) {
      const add: Add = (start, end, weight) => {
        if (sign > 0) formal += weight;
        else casual += weight;
        if (evidence.length < 40)
          evidence.push({ start, end, text: text.slice(start, end), weight: sign * weight });
      };
      if (c.unspaced) scoreText(sign > 0 ? c.formal : c.casual, lower, add);
      else scoreWords(sign > 0 ? c.formal : c.casual, text, words, candidates, add);
    }
  }
  const { exclamations, emojiCue, capitalRun } = scanMarks(text);
  const emoji = emojiCue ? (text.match(EMOJI_RE) ?? []).length : 0;
  casual += Math.min(exclamations, 4) * 0.5 + Math.min(emoji, 3);
  // Shouting needs a run of three capitals: most outputs have none, and skip the expression.
  const shouting = capitalRun
    ? [...text.matchAll(SHOUT_RE)].slice(0, 20).map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
      }))
    : [];
  casual += Math.min(shouting.length, 3);
  evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    formality: (formal + 1) / (formal + casual + 2),
    formal,
    casual,
    exclamations,
    shouting,
    grade: languages.includes('en') ? englishGrade(text) : null,
    evidence,
  };
}
