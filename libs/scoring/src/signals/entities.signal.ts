import type { ScoringInput, SignalConfig } from '../scoring.types';
import { alignSentences, type Alignment } from '../engine/alignment';
import type { Analysis } from '../engine/analysis';
import { missingSignal, type SignalDefinition, type SignalOutput } from '../engine/engine.types';
import { shortness } from '../engine/shortness';
import { spelledOutIn, translatedIn } from './name-variants.util';
import { collectiveDaySets, contextDays, coversAll, daysOfWord } from './day-coverage.util';
import { STOPWORDS } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';

// Words capitalised for grammar, not because they name something. Forms of address are no
// names either: a reply speaks to its reader as "Tuan/Puan" (Sir/Madam, Malay), "Encik", "Cik",
// "Sir", "Madam", "Ginoo"/"Ginang" (Tagalog) without the context having them
// (ms-water-reconnection on support-answers-dev3: "Puan" taken for an ungrounded name).
const NOT_NAMES = new Set([
  'i',
  'mr',
  'mrs',
  'ms',
  'dr',
  'tuan',
  'puan',
  'encik',
  'cik',
  'sir',
  'madam',
  "ma'am",
  'ginoo',
  'ginang',
  'binibini',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/**
 * Name-like tokens: capitalised words not at the start of a sentence, acronyms, and mixed
 * letter-digit codes ("Q3", "A320"). Crude next to a tagger, but fast and language-agnostic
 * for Latin-script text; scripts without case yield nothing and the signal is missing.
 */
export function entityTokens(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const surface = text.slice(t.start, t.end);
    const first = surface[0];
    const isCap = first !== first.toLowerCase() && first === first.toUpperCase();
    const isCode = /\p{L}/u.test(surface) && /\d/.test(surface);
    if (!isCap && !isCode) continue;
    if (STOPWORDS.has(t.norm) || NOT_NAMES.has(t.norm)) continue;
    // Sentence-initial capitals say nothing, unless the word is all caps (an acronym).
    const sentenceStart =
      i === 0 || /[.!?:\n]["'”’)\]]*\s*["'“‘(]*$/.test(text.slice(tokens[i - 1].end, t.start));
    if (sentenceStart && !(surface.length > 1 && surface === surface.toUpperCase())) continue;
    out.push(t);
  }
  return out;
}

function compute(_input: ScoringInput, analysis: Analysis, _options: SignalConfig): SignalOutput {
  const index = analysis.context;
  if (!index) return missingSignal('no context');
  const collectives = collectiveDays(analysis);
  const entities = [...entityTokens(analysis.text, analysis.tokens), ...collectives];
  if (!entities.length) return missingSignal('no names or codes in the output');
  // A day name is a name of a day set the context may give otherwise ("Saturdays" by
  // "weekends"); a collective word only so ("hari" of "hari bekerja" is any day's "day").
  const absent = entities.filter((t) => {
    const seen = index.norms.has(t.norm) || index.has(t.stem);
    if (seen && !collectives.includes(t)) return false;
    const days = daysOfWord(analysis, t.start, t.end);
    return days === undefined || !coversAll(contextDays(index), days);
  });
  // "Q2" for "second quarter", "YoY" for "year-over-year": the name is there, spelled out.
  const spelledOut = absent.filter((t) => spelledOutIn(index, analysis.text.slice(t.start, t.end)));
  // "Semenanjung" for "Peninsular Malaysia": the name is there, in the other language.
  const translated = absent.filter((t) => !spelledOut.includes(t) && translatedIn(index, t.norm));
  const ungrounded = absent.filter((t) => !spelledOut.includes(t) && !translated.includes(t));
  const share = 1 - ungrounded.length / entities.length;
  // A name found in the document but far from where the sentence's other words come from:
  // the signature of a swapped entity ("Q1" → "Q2" when Q2 occurs elsewhere).
  const owner = new Map<Token, Alignment>();
  for (const a of alignSentences(analysis, index))
    for (const t of a.sentence.tokens) owner.set(t, a);
  let displaced = 0;
  for (const t of entities) {
    if (!index.has(t.stem) || daysOfWord(analysis, t.start, t.end)) continue;
    const a = owner.get(t);
    if (a?.best && !a.windowStems.has(t.stem)) displaced++;
  }
  return {
    score: share,
    features: {
      'entities.grounded': share,
      'entities.ungroundedLog': Math.log1p(ungrounded.length),
      'entities.displacedLog': Math.log1p(displaced),
      'entities.shortUngroundedLog':
        shortness(analysis) * Math.log1p(ungrounded.length + displaced),
    },
    evidence: {
      checked: entities.length,
      spelledOut: spelledOut.slice(0, 20).map((t) => analysis.text.slice(t.start, t.end)),
      translated: translated.slice(0, 20).map((t) => analysis.text.slice(t.start, t.end)),
      ungrounded: ungrounded
        .slice(0, 20)
        .map((t) => ({ text: analysis.text.slice(t.start, t.end), start: t.start, end: t.end })),
    },
  };
}

/**
 * A collective day word ("weekdays", "hari bekerja", "hujung minggu") names days as "Saturday"
 * does, in lower case: its first word is checked as a name, grounded when the context covers its
 * days. Without it a Malay answer by "hari bekerja" had no name to check where the same answer by
 * "Isnin hingga Jumaat" had two (ms-shop-hours on support-answers-dev: 0.82 against 0.93).
 */
function collectiveDays(analysis: Analysis): Token[] {
  return collectiveDaySets(analysis).flatMap((s) => {
    const first = analysis.tokens.find((t) => t.start >= s.start && t.start < s.end);
    return first ? [first] : [];
  });
}

/** `entities`: names, acronyms and codes in the output that the context also contains. */
export const entitiesSignal: SignalDefinition = { compute };
