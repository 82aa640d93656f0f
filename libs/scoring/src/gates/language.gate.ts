import type { GateFinding, ScoringInput, Span, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import {
  checkNumber,
  checkStringArray,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../engine/options.util';
import { detectLanguages, LANGUAGE_ALIASES } from '../text/language-detect.util';

function allowedSet(options: ValidatorConfig, input: ScoringInput): Set<string> | null {
  const list =
    (options.allowed as string[] | undefined) ??
    (input.input.language ? [input.input.language] : null);
  if (!list) return null;
  const set = new Set<string>();
  for (const l of list)
    for (const a of LANGUAGE_ALIASES[l.toLowerCase().slice(0, 3)] ?? [
      l.toLowerCase().split('-')[0],
    ])
      set.add(a);
  return set;
}

/**
 * Every sentence must be in an allowed language. Detection is per sentence, and a sentence may
 * hold two languages (Malay–English, Tagalog–English): it passes when all of them are allowed.
 */
function check(input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const allowed = allowedSet(options, input);
  if (!allowed) return [];
  const minWords = (options.minWords as number | undefined) ?? 3;
  const offending = new Map<string, Span[]>();
  for (const s of analysis.sentences) {
    if (s.tokens.length < minWords) continue;
    const langs = detectLanguages(
      s.text,
      s.tokens.map((t) => t.norm),
    );
    for (const lang of langs) {
      if (allowed.has(lang)) continue;
      const spans = offending.get(lang) ?? [];
      spans.push({ start: s.start, end: s.end, text: s.text.slice(0, 200) });
      offending.set(lang, spans);
    }
  }
  return [...offending.entries()].map(([lang, spans]) => ({
    code: 'language.not_allowed',
    message: `The output has ${spans.length} sentence(s) in "${lang}", which this pipeline does not allow (allowed: ${[...allowed].join(', ')}).`,
    spans: spans.slice(0, 20),
  }));
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, [...COMMON_VALIDATOR_KEYS, 'allowed', 'minWords'], path),
    ...checkStringArray(options.allowed, `${path}.allowed`),
    ...checkNumber(options.minWords, `${path}.minWords`, { min: 1, integer: true }),
  ];
  if (Array.isArray(options.allowed))
    options.allowed.forEach((l, i) => {
      if (typeof l === 'string' && !/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(l))
        problems.push({
          path: `${path}.allowed[${i}]`,
          message: 'must be a language code such as en, th or ms',
        });
    });
  return problems;
}

/** `language`: each sentence in an allowed language (per-sentence detection; code-switching recognised). */
export const languageGate: GateDefinition = { check, validate };
