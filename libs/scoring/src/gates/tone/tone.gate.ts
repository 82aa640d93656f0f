import type { GateFinding, ScoringInput, ValidatorConfig } from '../../scoring.types';
import type { Analysis } from '../../engine/analysis';
import type { ConfigProblem, GateDefinition, GateOutcome } from '../../engine/engine.types';
import {
  checkBoolean,
  checkNumber,
  checkOneOf,
  checkString,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../../engine/options.util';
import { compiledFor, isFieldPath, targetText } from '../gate-support.util';
import { TONE_LANGUAGES } from './tone-lexicon';
import { measureTone } from './tone-measure';

/** Where each target sits on the formality scale (0 casual … 1 formal). */
export const TONE_TARGETS = { formal: 0.85, neutral: 0.55, casual: 0.25 } as const;
export type ToneTarget = keyof typeof TONE_TARGETS;
const DEFAULT_TOLERANCE = 0.25;
const DEFAULT_EXCLAMATIONS: Record<ToneTarget, number> = {
  formal: 0,
  neutral: 1,
  casual: Infinity,
};

interface ToneRules {
  target: ToneTarget;
  tolerance: number;
  languages: readonly string[] | null;
  exclamations: number;
  shouting: boolean;
  maxGrade: number | null;
}

function compile(options: ValidatorConfig): ToneRules {
  const target = options.target as ToneTarget;
  return {
    target,
    tolerance: (options.tolerance as number | undefined) ?? DEFAULT_TOLERANCE,
    languages: (options.languages as string[] | undefined) ?? null,
    exclamations: (options.maxExclamations as number | undefined) ?? DEFAULT_EXCLAMATIONS[target],
    shouting: (options.shouting as boolean | undefined) ?? target === 'casual',
    maxGrade: (options.maxGrade as number | undefined) ?? null,
  };
}

/** The lexicons to use: the policy's, else the submission's language (with English), else all. */
function languagesFor(rules: ToneRules, input: ScoringInput): readonly string[] {
  return rules.languages ?? lexiconsForLanguage(input.input.language);
}

/** The submission's language (with English), else every lexicon. */
function lexiconsForLanguage(language: string | undefined | null): readonly string[] {
  const lang = language?.toLowerCase().split('-')[0];
  const fil = lang === 'fil' ? 'tl' : lang;
  // Code-switching is the norm in the region: English markers count whatever the language.
  return fil && (TONE_LANGUAGES as readonly string[]).includes(fil) ? [fil, 'en'] : TONE_LANGUAGES;
}

/**
 * The formality score (0 casual … 1 formal) the tone gate computes with its default lexicons:
 * the submission's language and English, else all five. Drift detection tracks it per output,
 * so a model that turns stilted (or flippant) is seen whether or not a tone gate is configured.
 */
export function outputFormality(text: string, language?: string | null): number {
  return measureTone(text, lexiconsForLanguage(language)).formality;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function check(input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateOutcome {
  const rules = compiledFor(options, compile);
  const target = targetText(input, analysis.text, options.field, 'tone.missing');
  if ('finding' in target) return { findings: [target.finding], metrics: {} };
  const m = measureTone(target.text, languagesFor(rules, input));
  const metrics: Record<string, number> = { 'tone.formality': round(m.formality) };
  if (m.grade !== null) metrics['tone.grade'] = round(m.grade);
  const findings: GateFinding[] = [];
  const goal = TONE_TARGETS[rules.target];
  const distance = m.formality - goal;
  if (Math.abs(distance) > rules.tolerance) {
    const tooFormal = distance > 0;
    const pushers = m.evidence.filter((e) => (tooFormal ? e.weight > 0 : e.weight < 0)).slice(0, 5);
    findings.push({
      code: tooFormal ? 'tone.too_formal' : 'tone.too_casual',
      message: `The register is ${tooFormal ? 'more formal' : 'more casual'} than the ${rules.target} target (formality ${m.formality.toFixed(2)}, target ${goal} ± ${rules.tolerance})${pushers.length ? `: ${pushers.map((p) => `"${p.text}"`).join(', ')}` : ''}.`,
      spans: pushers.map(({ start, end, text }) => ({ start, end, text })),
    });
  }
  if (m.exclamations > rules.exclamations)
    findings.push({
      code: 'tone.exclamation',
      message: `${m.exclamations} exclamation mark${m.exclamations > 1 ? 's' : ''}; at most ${rules.exclamations} for a ${rules.target} register.`,
    });
  if (!rules.shouting && m.shouting.length)
    findings.push({
      code: 'tone.shouting',
      message: 'Words in capitals read as shouting.',
      spans: m.shouting,
    });
  if (rules.maxGrade !== null && m.grade !== null && m.grade > rules.maxGrade)
    findings.push({
      code: 'tone.readability',
      message: `The English text reads at grade ${m.grade.toFixed(1)} (Flesch–Kincaid); at most ${rules.maxGrade} is wanted. Use shorter sentences and words.`,
    });
  return { findings, metrics };
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(
      options,
      [
        ...COMMON_VALIDATOR_KEYS,
        'target',
        'tolerance',
        'languages',
        'maxExclamations',
        'shouting',
        'maxGrade',
        'field',
      ],
      path,
    ),
    ...checkNumber(options.tolerance, `${path}.tolerance`, { min: 0, max: 1 }),
    ...checkNumber(options.maxExclamations, `${path}.maxExclamations`, { min: 0, integer: true }),
    ...checkBoolean(options.shouting, `${path}.shouting`),
    ...checkNumber(options.maxGrade, `${path}.maxGrade`, { min: 0, max: 30 }),
    ...checkString(options.field, `${path}.field`),
  ];
  if (options.target === undefined)
    problems.push({ path: `${path}.target`, message: 'is required (formal, neutral or casual)' });
  else problems.push(...checkOneOf(options.target, `${path}.target`, Object.keys(TONE_TARGETS)));
  if (typeof options.field === 'string' && !isFieldPath(options.field))
    problems.push({ path: `${path}.field`, message: 'must be a dotted path such as "body"' });
  if (options.languages !== undefined) {
    if (!Array.isArray(options.languages) || options.languages.length === 0)
      problems.push({
        path: `${path}.languages`,
        message: `must be a non-empty list of ${TONE_LANGUAGES.join(', ')}`,
      });
    else
      options.languages.forEach((l: unknown, i) => {
        if (!(TONE_LANGUAGES as readonly unknown[]).includes(l))
          problems.push({
            path: `${path}.languages[${i}]`,
            message: `unknown language "${String(l)}" (known: ${TONE_LANGUAGES.join(', ')})`,
          });
      });
  }
  return problems;
}

/** `tone`: formality against a target register per language, exclamations, shouting, English readability. */
export const toneGate: GateDefinition = { check, validate };
