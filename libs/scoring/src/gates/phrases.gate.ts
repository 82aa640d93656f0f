import type { GateFinding, ScoringInput, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import {
  checkBoolean,
  checkRegex,
  checkString,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../engine/options.util';

/** A deny-list entry: a phrase, or a phrase with its own suggested replacement. */
export type DenyEntry = string | { phrase: string; suggest?: string };
/** A regex entry: a pattern, or a pattern with flags, message and code. */
export type RegexEntry =
  string | { pattern: string; flags?: string; message?: string; code?: string; suggest?: string };

// Characters that render as nothing: allowed between the letters of a phrase so that
// "fraud\u200Bulent claim" cannot slip past a deny-list.
const INVISIBLE = '[\\u00AD\\u034F\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]*';
const SPACE = '[\\s\\u00A0\\u200B-\\u200D\\u2060\\uFEFF]+';
const SPACED_SCRIPT_CHAR = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;

const phraseCache = new Map<string, RegExp>();

/** Builds a whitespace- and invisible-character-tolerant, case-insensitive matcher for a literal phrase. */
export function phraseRegex(phrase: string, caseSensitive = false): RegExp {
  const key = `${caseSensitive ? 1 : 0}${phrase}`;
  const hit = phraseCache.get(key);
  if (hit) return hit;
  const chars = [...phrase.trim()];
  let body = '';
  let lastWasSpace = false;
  for (const ch of chars) {
    if (/\s/.test(ch)) {
      if (!lastWasSpace) body += SPACE;
      lastWasSpace = true;
      continue;
    }
    if (body && !lastWasSpace) body += INVISIBLE;
    body += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    lastWasSpace = false;
  }
  // Word boundaries only for scripts that separate words by spaces: Thai phrases sit inside words.
  const before = SPACED_SCRIPT_CHAR.test(chars[0] ?? '') ? '(?<![\\p{L}\\p{N}\\p{M}])' : '';
  const after = SPACED_SCRIPT_CHAR.test(chars[chars.length - 1] ?? '')
    ? '(?![\\p{L}\\p{N}\\p{M}])'
    : '';
  const re = new RegExp(`${before}${body}${after}`, caseSensitive ? 'gu' : 'giu');
  if (phraseCache.size > 5000) phraseCache.clear();
  phraseCache.set(key, re);
  return re;
}

function allMatches(
  re: RegExp,
  text: string,
  limit = 50,
): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < limit) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

function check(_input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const text = analysis.text;
  const caseSensitive = options.caseSensitive === true;
  const findings: GateFinding[] = [];
  for (const entry of (options.deny as DenyEntry[] | undefined) ?? []) {
    const phrase = typeof entry === 'string' ? entry : entry.phrase;
    const suggest =
      (typeof entry === 'string' ? undefined : entry.suggest) ??
      (options.suggest as string | undefined);
    const spans = allMatches(phraseRegex(phrase, caseSensitive), text);
    if (spans.length) {
      findings.push({
        code: 'phrase.denied',
        message: `The output contains the denied phrase "${phrase}"${suggest ? `; use "${suggest}" instead` : ''}.`,
        spans,
        suggestion: suggest,
      });
    }
  }
  for (const phrase of (options.require as string[] | undefined) ?? []) {
    const re = phraseRegex(phrase, caseSensitive);
    re.lastIndex = 0;
    if (!re.test(text))
      findings.push({
        code: 'phrase.required_missing',
        message: `The output must contain "${phrase}".`,
      });
  }
  for (const entry of normaliseRegex(options.regex)) {
    const spans = allMatches(userRegex(entry.pattern, entry.flags), text);
    if (spans.length) {
      findings.push({
        code: entry.code ?? 'phrase.regex',
        message: entry.message ?? `The output matches the forbidden pattern /${entry.pattern}/.`,
        spans,
        suggestion: entry.suggest,
      });
    }
  }
  return findings;
}

const userRegexCache = new Map<string, RegExp>();

function userRegex(pattern: string, flags = ''): RegExp {
  const allFlags = [...new Set(`${flags}gu`)].join('');
  const key = `${allFlags}/${pattern}`;
  let re = userRegexCache.get(key);
  if (!re) {
    re = new RegExp(pattern, allFlags);
    if (userRegexCache.size > 2000) userRegexCache.clear();
    userRegexCache.set(key, re);
  }
  return re;
}

function normaliseRegex(value: unknown): Exclude<RegexEntry, string>[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((e: RegexEntry) => (typeof e === 'string' ? { pattern: e } : e));
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(
      options,
      [...COMMON_VALIDATOR_KEYS, 'deny', 'require', 'regex', 'suggest', 'caseSensitive'],
      path,
    ),
    ...checkString(options.suggest, `${path}.suggest`),
    ...checkBoolean(options.caseSensitive, `${path}.caseSensitive`),
  ];
  if (options.deny === undefined && options.require === undefined && options.regex === undefined) {
    problems.push({ path, message: 'phrases needs deny, require or regex' });
  }
  if (options.deny !== undefined) {
    if (!Array.isArray(options.deny))
      problems.push({ path: `${path}.deny`, message: 'must be a list of phrases' });
    else
      options.deny.forEach((e: unknown, i) => {
        const p = `${path}.deny[${i}]`;
        if (typeof e === 'string') {
          if (!e.trim()) problems.push({ path: p, message: 'must be a non-empty phrase' });
        } else if (e && typeof e === 'object') {
          const o = e as Record<string, unknown>;
          problems.push(
            ...unknownKeys(o, ['phrase', 'suggest'], p),
            ...checkString(o.phrase, `${p}.phrase`, true),
            ...checkString(o.suggest, `${p}.suggest`),
          );
        } else problems.push({ path: p, message: 'must be a phrase or { phrase, suggest }' });
      });
  }
  if (options.require !== undefined) {
    if (!Array.isArray(options.require))
      problems.push({ path: `${path}.require`, message: 'must be a list of phrases' });
    else
      options.require.forEach((e: unknown, i) => {
        if (typeof e !== 'string' || !e.trim())
          problems.push({ path: `${path}.require[${i}]`, message: 'must be a non-empty phrase' });
      });
  }
  if (options.regex !== undefined) {
    const list = Array.isArray(options.regex) ? options.regex : [options.regex];
    list.forEach((e: unknown, i) => {
      const p = Array.isArray(options.regex) ? `${path}.regex[${i}]` : `${path}.regex`;
      if (typeof e === 'string') problems.push(...checkRegex(e, undefined, p));
      else if (e && typeof e === 'object') {
        const o = e as Record<string, unknown>;
        problems.push(
          ...unknownKeys(o, ['pattern', 'flags', 'message', 'code', 'suggest'], p),
          ...checkRegex(o.pattern, o.flags, `${p}.pattern`),
          ...checkString(o.message, `${p}.message`),
          ...checkString(o.code, `${p}.code`),
          ...checkString(o.suggest, `${p}.suggest`),
        );
      } else
        problems.push({ path: p, message: 'must be a pattern or { pattern, flags, message }' });
    });
  }
  return problems;
}

/** `phrases`: denied phrases (with suggested replacements), required phrases, forbidden regexes. */
export const phrasesGate: GateDefinition = { check, validate };
