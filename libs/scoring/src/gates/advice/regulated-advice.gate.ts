import type { GateFinding, ScoringInput, ValidatorConfig } from '../../scoring.types';
import type { Analysis } from '../../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../../engine/engine.types';
import { checkString, COMMON_VALIDATOR_KEYS, unknownKeys } from '../../engine/options.util';
import { compiledFor, isFieldPath, targetText } from '../gate-support.util';
import {
  ADVICE_DOMAINS,
  ADVICE_LANGUAGES,
  ADVICE_LEXICONS,
  ADVICE_SUGGESTIONS,
  type AdviceDomain,
  type AdviceLexicon,
} from './advice-lexicon';

interface CompiledLexicon {
  lang: string;
  frames: RegExp;
  diagnoses: RegExp;
  doses: RegExp;
  referrals: RegExp;
  terms: Record<AdviceDomain, RegExp>;
}

function union(patterns: string[], unspaced: boolean): RegExp {
  const body = patterns.map((p) => `(?:${p})`).join('|') || '(?!)';
  return unspaced
    ? new RegExp(body, 'iu')
    : new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'iu');
}

function compileLexicon(
  lang: string,
  lex: AdviceLexicon,
  extra: Partial<Record<AdviceDomain, string[]>>,
): CompiledLexicon {
  const u = lex.unspaced === true;
  const escaped = (d: AdviceDomain) =>
    (extra[d] ?? []).map((t) => t.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  return {
    lang,
    frames: union(lex.frames, u),
    diagnoses: union(lex.diagnoses, u),
    doses: union(lex.doses, u),
    referrals: union(lex.referrals, u),
    terms: Object.fromEntries(
      ADVICE_DOMAINS.map((d) => [d, union([...lex.terms[d], ...escaped(d)], u)]),
    ) as Record<AdviceDomain, RegExp>,
  };
}

// The built-in lexicons compiled once per process; a policy with its own terms gets its own copy.
const BUILT_IN = new Map<string, CompiledLexicon>();
for (const lang of ['en', 'id', 'th', 'tl'])
  BUILT_IN.set(lang, compileLexicon(lang, ADVICE_LEXICONS[lang], {}));

interface AdviceRules {
  domains: AdviceDomain[];
  lexicons: CompiledLexicon[];
}

function compile(options: ValidatorConfig): AdviceRules {
  const langs = [
    ...new Set(
      ((options.languages as string[] | undefined) ?? ADVICE_LANGUAGES).map((l) =>
        l === 'ms' ? 'id' : l,
      ),
    ),
  ];
  const terms = options.terms as Partial<Record<AdviceDomain, string[]>> | undefined;
  return {
    domains: (options.domains as AdviceDomain[] | undefined) ?? [...ADVICE_DOMAINS],
    lexicons: langs.map((l) =>
      terms ? compileLexicon(l, ADVICE_LEXICONS[l], terms) : BUILT_IN.get(l)!,
    ),
  };
}

const SENTENCE_RE = /[^\n.!?。]+(?:[.!?。]+(?=\s|$)|[.!?。]+(?=\S)[^\n.!?。]*)*[.!?。]*/g;
const MAX_SENTENCES = 300;

/** The domains a sentence gives advice in, and the lexicon that said so. */
function adviceIn(sentence: string, rules: AdviceRules): { domain: AdviceDomain; lang: string }[] {
  const found: { domain: AdviceDomain; lang: string }[] = [];
  for (const lex of rules.lexicons) if (lex.referrals.test(sentence)) return [];
  for (const lex of rules.lexicons) {
    const framed = lex.frames.test(sentence);
    const dosed = lex.doses.test(sentence);
    const diagnosed = lex.diagnoses.test(sentence);
    if (!framed && !dosed && !diagnosed) continue;
    for (const domain of rules.domains) {
      if (found.some((f) => f.domain === domain)) continue;
      // A dose with its frequency is an instruction by itself; anything else needs a domain term.
      const advised =
        domain === 'medical'
          ? dosed || ((framed || diagnosed) && lex.terms.medical.test(sentence))
          : framed && lex.terms[domain].test(sentence);
      if (advised) found.push({ domain, lang: lex.lang });
    }
  }
  return found;
}

function check(input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const rules = compiledFor(options, compile);
  const target = targetText(input, analysis.text, options.field, 'advice.missing');
  if ('finding' in target) return [target.finding];
  const byDomain = new Map<AdviceDomain, GateFinding>();
  let count = 0;
  SENTENCE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_RE.exec(target.text)) !== null && count++ < MAX_SENTENCES) {
    const sentence = m[0].trim();
    if (sentence.length < 8) continue;
    for (const { domain, lang } of adviceIn(sentence, rules)) {
      const start = m.index + m[0].indexOf(sentence);
      const span = { start, end: start + sentence.length, text: sentence };
      const existing = byDomain.get(domain);
      if (existing) {
        if (existing.spans!.length < 20) existing.spans!.push(span);
      } else
        byDomain.set(domain, {
          code: `advice.${domain}`,
          message: `The output gives ${domain} advice to the reader ("${sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence}").`,
          spans: [span],
          suggestion: ADVICE_SUGGESTIONS[lang][domain],
        });
    }
  }
  return [...byDomain.values()];
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(
      options,
      [...COMMON_VALIDATOR_KEYS, 'domains', 'languages', 'terms', 'field'],
      path,
    ),
    ...checkString(options.field, `${path}.field`),
  ];
  if (typeof options.field === 'string' && !isFieldPath(options.field))
    problems.push({ path: `${path}.field`, message: 'must be a dotted path such as "answer"' });
  const listOf = (key: string, known: readonly string[], what: string) => {
    const value = options[key];
    if (value === undefined) return;
    if (!Array.isArray(value) || value.length === 0) {
      problems.push({
        path: `${path}.${key}`,
        message: `must be a non-empty list of ${known.join(', ')}`,
      });
      return;
    }
    value.forEach((v: unknown, i) => {
      if (!known.includes(v as string))
        problems.push({
          path: `${path}.${key}[${i}]`,
          message: `unknown ${what} "${String(v)}" (known: ${known.join(', ')})`,
        });
    });
  };
  listOf('domains', ADVICE_DOMAINS, 'domain');
  listOf('languages', ADVICE_LANGUAGES, 'language');
  if (options.terms !== undefined) {
    if (!options.terms || typeof options.terms !== 'object' || Array.isArray(options.terms))
      problems.push({ path: `${path}.terms`, message: 'must be a map of domain → list of terms' });
    else
      for (const [domain, list] of Object.entries(options.terms as Record<string, unknown>)) {
        const p = `${path}.terms.${domain}`;
        if (!(ADVICE_DOMAINS as readonly string[]).includes(domain))
          problems.push({
            path: p,
            message: `unknown domain "${domain}" (known: ${ADVICE_DOMAINS.join(', ')})`,
          });
        else if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || !t.trim()))
          problems.push({ path: p, message: 'must be a list of non-empty terms' });
      }
  }
  return problems;
}

/** `regulatedAdvice`: medical, legal or financial advice to the reader, in English, Malay/Indonesian, Thai and Tagalog. */
export const regulatedAdviceGate: GateDefinition = { check, validate };
