import type { GateFinding, ScoringInput, Span, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import { checkBoolean, COMMON_VALIDATOR_KEYS, unknownKeys } from '../engine/options.util';
import { phraseRegex } from './phrases.gate';
import { englishProfanityMatcher } from './profanity-matcher.util';

// Letters spaced or dotted apart ("f u c k", "s.h.i.t") to defeat word lists.
const SPACED_LETTERS_RE = /(?<![\p{L}])(?:\p{L}[\s.*_-]){2,}\p{L}(?![\p{L}])/gu;

/** Profanity spans, including obfuscations: leetspeak and repeats (obscenity), spaced letters (here). */
export function findProfanity(text: string): Span[] {
  // obscenity's matcher, run through its faster twin (same terms, transformers and whitelist).
  const m = englishProfanityMatcher().fast;
  const spans: Span[] = m.getAllMatches(text, true).map((x) => ({
    start: x.startIndex,
    end: x.endIndex + 1,
    text: text.slice(x.startIndex, x.endIndex + 1),
  }));
  SPACED_LETTERS_RE.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = SPACED_LETTERS_RE.exec(text)) !== null) {
    const collapsed = r[0].replace(/[\s.*_-]/g, '');
    if (
      m.hasMatch(collapsed) &&
      !spans.some((s) => (s.start ?? 0) < r!.index + r![0].length && (s.end ?? 0) > r!.index)
    ) {
      spans.push({ start: r.index, end: r.index + r[0].length, text: r[0] });
    }
  }
  return spans.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/**
 * `terms` are per-language lists ({ en: [...], th: [...], ms: [...] }); every list is checked
 * whatever the detected language, because code-switched text mixes them.
 */
function check(_input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const text = analysis.text;
  const findings: GateFinding[] = [];
  if (options.profanity !== false) {
    const spans = findProfanity(text);
    if (spans.length)
      findings.push({ code: 'safety.profanity', message: 'The output contains profanity.', spans });
  }
  const terms = (options.terms as Record<string, string[]> | undefined) ?? {};
  for (const [lang, list] of Object.entries(terms)) {
    for (const term of list) {
      const re = phraseRegex(term);
      re.lastIndex = 0;
      const spans: Span[] = [];
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null && spans.length < 20)
        spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      if (spans.length)
        findings.push({
          code: 'safety.term',
          message: `The output contains the blocked ${lang} term "${term}".`,
          spans,
        });
    }
  }
  return findings;
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, [...COMMON_VALIDATOR_KEYS, 'profanity', 'terms'], path),
    ...checkBoolean(options.profanity, `${path}.profanity`),
  ];
  const terms = options.terms;
  if (terms !== undefined) {
    if (!terms || typeof terms !== 'object' || Array.isArray(terms))
      problems.push({
        path: `${path}.terms`,
        message: 'must map a language code to a list of terms, e.g. { en: [...], th: [...] }',
      });
    else
      for (const [lang, list] of Object.entries(terms)) {
        if (!/^[a-z]{2,3}$/.test(lang))
          problems.push({
            path: `${path}.terms.${lang}`,
            message: 'language must be an ISO 639 code such as en or th',
          });
        if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || !t.trim()))
          problems.push({
            path: `${path}.terms.${lang}`,
            message: 'must be a list of non-empty terms',
          });
      }
  }
  return problems;
}

/** `safety`: profanity including obfuscated spellings, and per-pipeline blocked terms per language. */
export const safetyGate: GateDefinition = { check, validate };
