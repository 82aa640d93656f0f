import type { ValidatorConfig } from '../../scoring.types';
import type { ConfigProblem } from '../../engine/engine.types';
import {
  checkNumber,
  checkRegex,
  checkString,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../../engine/options.util';
import { isFieldPath } from '../gate-support.util';
import { parseTemplateText } from './template.parser';

const KEYS = [
  ...COMMON_VALIDATOR_KEYS,
  'templates',
  'slots',
  'field',
  'minSimilarity',
  'maxSlotLength',
];
const MAX_TEMPLATES = 50;
const MAX_TEMPLATE_CHARS = 20_000;

/** Checks a `template` entry: every template parses, every slot pattern compiles, names are unique. */
export function validateTemplateOptions(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, KEYS, path),
    ...checkString(options.field, `${path}.field`),
    ...checkNumber(options.minSimilarity, `${path}.minSimilarity`, { min: 0, max: 1 }),
    ...checkNumber(options.maxSlotLength, `${path}.maxSlotLength`, {
      min: 1,
      max: 5000,
      integer: true,
    }),
  ];
  if (typeof options.field === 'string' && !isFieldPath(options.field))
    problems.push({ path: `${path}.field`, message: 'must be a dotted path such as "body"' });
  const shared = options.slots;
  if (shared !== undefined) {
    if (!shared || typeof shared !== 'object' || Array.isArray(shared))
      problems.push({ path: `${path}.slots`, message: 'must be a map of slot name → pattern' });
    else
      for (const [name, pattern] of Object.entries(shared))
        problems.push(...checkRegex(pattern, undefined, `${path}.slots.${name}`));
  }
  const list = options.templates;
  if (!Array.isArray(list) || list.length === 0)
    return [
      ...problems,
      { path: `${path}.templates`, message: 'must be a non-empty list of { name, text }' },
    ];
  if (list.length > MAX_TEMPLATES)
    problems.push({ path: `${path}.templates`, message: `at most ${MAX_TEMPLATES} templates` });
  const names = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const p = `${path}.templates[${i}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ path: p, message: 'must be { name, text }' });
      return;
    }
    const t = entry as Record<string, unknown>;
    problems.push(
      ...unknownKeys(t, ['name', 'text'], p),
      ...checkString(t.name, `${p}.name`, true),
    );
    if (typeof t.name === 'string') {
      if (names.has(t.name))
        problems.push({ path: `${p}.name`, message: `duplicate template name "${t.name}"` });
      names.add(t.name);
    }
    if (typeof t.text !== 'string' || !t.text.trim()) {
      problems.push({
        path: `${p}.text`,
        message: 'is required: the template text with {{slots}}',
      });
      return;
    }
    if (t.text.length > MAX_TEMPLATE_CHARS) {
      problems.push({ path: `${p}.text`, message: `longer than ${MAX_TEMPLATE_CHARS} characters` });
      return;
    }
    const parsed = parseTemplateText(t.text);
    if (!parsed.parts) {
      problems.push({ path: `${p}.text`, message: parsed.problem });
      return;
    }
    for (const part of parsed.parts)
      if (part.kind === 'slot' && part.pattern !== null)
        for (const problem of checkRegex(part.pattern, undefined, `${p}.text`))
          problems.push({ path: problem.path, message: `slot "${part.name}": ${problem.message}` });
  });
  return problems;
}
