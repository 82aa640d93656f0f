import type { ContextIndex } from '../engine/context-index';
import { glossOf } from '../lexicon/gloss.lexicon';
import { computeStem } from '../text/stem.util';
import { tokenize } from '../text/tokens.util';

const QUARTERS = [
  ['first', '1st'],
  ['second', '2nd'],
  ['third', '3rd'],
  ['fourth', '4th'],
];

// A day of the month with its ordinal suffix, English "5th" or Malay "5hb" (haribulan): a
// code-switched reply writes "setiap 5hb" for "on the 5th" (support-answers-dev
// cs-telco-bill-r1), the same figure under another suffix.
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|hb)$/i;
const ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th', 'hb'];

// Written with two capitals or more ("EPS", "YoY"), 3–6 letters. Two letters are the initials
// of some word pair in almost any document: too weak to count.
const ACRONYM = /^(?=(?:.*[A-Z]){2})[A-Za-z]{3,6}$/;

/**
 * Whether a name-like output word that the context does not contain is the short form of
 * something the context spells out: a quarter code ("Q2" for "second quarter"), a day of the
 * month under another ordinal suffix ("5hb" for "5th"), or an acronym whose letters are the
 * initials of consecutive context words ("YoY" for "year-over-year", "EPS" for "earnings per
 * share"). Writers abbreviate what the source spells out; that is no
 * invented name. `surface` is the word as written. Each check is one scan of the context's
 * words, and it runs only for names absent from the context.
 */
export function spelledOutIn(index: ContextIndex, surface: string): boolean {
  const ordinal = ORDINAL.exec(surface);
  if (ordinal) return ORDINAL_SUFFIXES.some((s) => index.norms.has(ordinal[1] + s));
  const quarter = /^[Qq]([1-4])$/.exec(surface);
  if (quarter)
    return QUARTERS[Number(quarter[1]) - 1].some((ordinal) =>
      hasWordRun(index, [ordinal, 'quarter'], (word, part) => word === part),
    );
  if (!ACRONYM.test(surface)) return false;
  return hasWordRun(index, [...surface.toLowerCase()], (word, letter) => word[0] === letter);
}

/** Whether consecutive words of one context sentence match `parts` one for one. */
function hasWordRun(
  index: ContextIndex,
  parts: string[],
  matches: (word: string, part: string) => boolean,
): boolean {
  for (const s of index.sentences) {
    const t = s.tokens;
    for (let i = 0; i + parts.length <= t.length; i++) {
      let k = 0;
      while (k < parts.length && matches(t[i + k].norm, parts[k])) k++;
      if (k === parts.length) return true;
    }
  }
  return false;
}

/** Stems of the English glosses of a Malay or Tagalog word ("semenanjung" → "peninsu"). */
export function glossStems(norm: string): Set<string> {
  return new Set(glossOf(norm).map(computeStem));
}

/**
 * Whether a name-like output word that the context does not contain is the translation of a
 * name the context writes: one of its glosses is a capitalised context word ("Semenanjung" for
 * "Peninsular Malaysia", "Isnin" for "Monday"). A code-switched reply names places and days in
 * either language. A lower-case context word is no name ("kedai" against "the shop"), so it does
 * not count. Runs only for absent names that have a gloss.
 */
export function translatedIn(index: ContextIndex, norm: string): boolean {
  const stems = glossStems(norm);
  if (!stems.size) return false;
  return index.sentences.some((s) =>
    tokenize(s.text).some((t) => stems.has(t.stem) && /^\p{Lu}/u.test(s.text.slice(t.start))),
  );
}
