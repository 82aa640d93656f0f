import { TONE_LEXICONS } from './tone-lexicon';

/**
 * A compiled marker list. Single words (most markers) are looked up in a map, one token at a
 * time; only multi-word and pattern markers go through a regular expression. One alternation of
 * a hundred words run at every position of a 2 KB output cost ~10x more than the lookups.
 */
interface Markers {
  words: Map<string, number>;
  /** The pattern markers as one alternation, or null when there are none. */
  re: RegExp | null;
  weights: number[];
}

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

const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

function compileMarkers(list: [string, number][], unspaced: boolean): Markers {
  const words = new Map<string, number>();
  const patterns: [string, number][] = [];
  for (const [pattern, weight] of list) {
    if (!unspaced && PLAIN_WORD.test(pattern)) words.set(pattern.toLowerCase(), weight);
    else patterns.push([pattern, weight]);
  }
  const body = patterns.map(([pattern]) => `(${pattern})`).join('|');
  const re = !patterns.length
    ? null
    : unspaced
      ? new RegExp(body, 'gu')
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
  return { words, re, weights: patterns.map(([, w]) => w) };
}

// Compiled once per process: the lexicons are fixed; a policy only picks languages.
const COMPILED = new Map<string, { formal: Markers; casual: Markers; unspaced: boolean }>();
for (const [lang, lex] of Object.entries(TONE_LEXICONS)) {
  const unspaced = lex.unspaced === true;
  COMPILED.set(lang, {
    formal: compileMarkers(lex.formal, unspaced),
    casual: compileMarkers(lex.casual, unspaced),
    unspaced,
  });
}

interface Word {
  norm: string;
  start: number;
  end: number;
  text: string;
}

function score(
  markers: Markers,
  text: string,
  words: Word[],
  sign: number,
  evidence: ToneMeasure['evidence'],
): number {
  let total = 0;
  const add = (start: number, end: number, found: string, weight: number) => {
    total += weight;
    if (evidence.length < 40) evidence.push({ start, end, text: found, weight: sign * weight });
  };
  if (markers.words.size)
    for (const w of words) {
      const weight = markers.words.get(w.norm);
      if (weight !== undefined) add(w.start, w.end, w.text, weight);
    }
  const re = markers.re;
  if (!re) return total;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    // Lexicon patterns have no capturing groups of their own: group k + 1 is alternative k.
    let k = 0;
    while (k < markers.weights.length && m[k + 1] === undefined) k++;
    add(m.index, m.index + m[0].length, m[0], markers.weights[k] ?? 1);
  }
  return total;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const THAI_RE = /[\u0E00-\u0E7F]/;

const EMOJI_RE =
  /\p{Extended_Pictographic}|(?<![\p{L}\p{N}])(?:[:;]-?[)(DPp]|xD)(?![\p{L}\p{N}])/gu;
const SHOUT_RE = /(?<![\p{L}\p{N}])(?:[A-Z]{5,}|[A-Z]{3,}(?:\s+[A-Z]{3,})+)(?![\p{L}\p{N}])/gu;
const EN_FUNCTION_WORDS = new Set(
  'the a an is are was were be been to of and or in on at for with your you we our it this that will can not have has'.split(
    ' ',
  ),
);

/** Formality and the other tone measures of `text`, with the lexicons of `languages`. */
export function measureTone(text: string, languages: readonly string[]): ToneMeasure {
  const evidence: ToneMeasure['evidence'] = [];
  let formal = 0;
  let casual = 0;
  const words: Word[] = [];
  for (const m of text.matchAll(WORD_RE))
    words.push({
      norm: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    });
  const hasThai = THAI_RE.test(text);
  const seen = new Set<object>();
  for (const lang of languages) {
    const c = COMPILED.get(lang);
    if (!c || seen.has(c) || (c.unspaced && !hasThai)) continue;
    seen.add(c);
    formal += score(c.formal, text, words, 1, evidence);
    casual += score(c.casual, text, words, -1, evidence);
  }
  const exclamations = (text.match(/[!！]/g) ?? []).length;
  casual += Math.min(exclamations, 4) * 0.5 + Math.min((text.match(EMOJI_RE) ?? []).length, 3);
  const shouting = [...text.matchAll(SHOUT_RE)].slice(0, 20).map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
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

/** Flesch–Kincaid grade level, or null when the text does not read as English. */
export function englishGrade(text: string): number | null {
  const words = text.match(/[A-Za-z]+(?:['’][A-Za-z]+)?/g) ?? [];
  if (words.length < 5) return null;
  const functionWords = words.filter((w) => EN_FUNCTION_WORDS.has(w.toLowerCase())).length;
  if (functionWords / words.length < 0.15) return null;
  const sentences = Math.max(1, (text.match(/[.!?]+(?:\s|$)/g) ?? []).length);
  const syllables = words.reduce((n, w) => n + syllablesOf(w), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
}

function syllablesOf(word: string): number {
  const w = word.toLowerCase().replace(/['’].*$/, '');
  if (w.length <= 3) return 1;
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '')
    .match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}
