import type { GateFinding, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import {
  checkNumber,
  checkOneOf,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../engine/options.util';

const UNITS = ['chars', 'words', 'sentences', 'bytes'] as const;
type Unit = (typeof UNITS)[number];

/** Measures the output in the requested unit; chars are code points, so emoji count once. */
function measure(text: string, analysis: Analysis, unit: Unit): number {
  switch (unit) {
    case 'words':
      return analysis.tokens.length;
    case 'sentences':
      return analysis.sentences.length;
    case 'bytes':
      return Buffer.byteLength(text, 'utf8');
    default: {
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0xdc00 || c > 0xdfff) n++; // count each surrogate pair once
      }
      return n;
    }
  }
}

function check(_input: unknown, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const unit = (options.unit as Unit | undefined) ?? 'chars';
  // The analysis text is capped; length needs the real text.
  const text = analysis.fullText;
  const n = measure(text, analysis, unit);
  const min = options.min as number | undefined;
  const max = options.max as number | undefined;
  const findings: GateFinding[] = [];
  if (min !== undefined && n < min) {
    findings.push({
      code: 'length.too_short',
      message: `Output has ${n} ${unit}, fewer than the minimum of ${min}.`,
      spans: [{ start: 0, end: text.length }],
    });
  }
  if (max !== undefined && n > max) {
    findings.push({
      code: 'length.too_long',
      message: `Output has ${n} ${unit}, more than the maximum of ${max}.`,
      spans: [{ start: 0, end: text.length }],
    });
  }
  return findings;
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, [...COMMON_VALIDATOR_KEYS, 'min', 'max', 'unit'], path),
    ...checkNumber(options.min, `${path}.min`, { min: 0, integer: true }),
    ...checkNumber(options.max, `${path}.max`, { min: 0, integer: true }),
    ...checkOneOf(options.unit, `${path}.unit`, UNITS),
  ];
  if (options.min === undefined && options.max === undefined)
    problems.push({ path, message: 'length needs min or max' });
  if (
    typeof options.min === 'number' &&
    typeof options.max === 'number' &&
    options.min > options.max
  ) {
    problems.push({ path: `${path}.min`, message: 'min is greater than max' });
  }
  return problems;
}

/** `length`: the output's size in chars (code points), words, sentences or bytes within [min, max]. */
export const lengthGate: GateDefinition = { check, validate };
