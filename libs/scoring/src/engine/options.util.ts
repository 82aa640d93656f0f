import type { ConfigProblem } from './engine.types';

/** Keys every validator entry may carry besides its own options. */
export const COMMON_VALIDATOR_KEYS = ['type', 'onFail', 'id', 'description'] as const;

/** Reports keys of `options` not in `allowed` (typos must not silently disable a check). */
export function unknownKeys(
  options: object,
  allowed: readonly string[],
  path: string,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key))
      problems.push({
        path: `${path}.${key}`,
        message: `unknown option "${key}" (allowed: ${allowed.join(', ')})`,
      });
  }
  return problems;
}

/** Checks an optional finite number within bounds. */
export function checkNumber(
  value: unknown,
  path: string,
  opts: { min?: number; max?: number; integer?: boolean; required?: boolean } = {},
): ConfigProblem[] {
  if (value === undefined) return opts.required ? [{ path, message: 'is required' }] : [];
  if (typeof value !== 'number' || !Number.isFinite(value))
    return [{ path, message: 'must be a finite number' }];
  if (opts.integer && !Number.isInteger(value)) return [{ path, message: 'must be an integer' }];
  if (opts.min !== undefined && value < opts.min)
    return [{ path, message: `must be ≥ ${opts.min}` }];
  if (opts.max !== undefined && value > opts.max)
    return [{ path, message: `must be ≤ ${opts.max}` }];
  return [];
}

/** Checks an optional boolean. */
export function checkBoolean(value: unknown, path: string): ConfigProblem[] {
  return value === undefined || typeof value === 'boolean'
    ? []
    : [{ path, message: 'must be true or false' }];
}

/** Checks an optional non-empty string. */
export function checkString(value: unknown, path: string, required = false): ConfigProblem[] {
  if (value === undefined) return required ? [{ path, message: 'is required' }] : [];
  return typeof value === 'string' && value.length > 0
    ? []
    : [{ path, message: 'must be a non-empty string' }];
}

/** Checks an optional array of non-empty strings. */
export function checkStringArray(value: unknown, path: string, required = false): ConfigProblem[] {
  if (value === undefined) return required ? [{ path, message: 'is required' }] : [];
  if (!Array.isArray(value)) return [{ path, message: 'must be a list of strings' }];
  const problems: ConfigProblem[] = [];
  value.forEach((v, i) => {
    if (typeof v !== 'string' || !v)
      problems.push({ path: `${path}[${i}]`, message: 'must be a non-empty string' });
  });
  return problems;
}

/** Checks an optional value among fixed choices. */
export function checkOneOf(
  value: unknown,
  path: string,
  choices: readonly string[],
): ConfigProblem[] {
  if (value === undefined) return [];
  return typeof value === 'string' && choices.includes(value)
    ? []
    : [{ path, message: `must be one of ${choices.join(', ')}` }];
}

// A quantified group that is itself quantified, e.g. (a+)+ or (\w*)*: the classic shape of
// catastrophic backtracking. A heuristic, but policies are written by people, not attackers.
const NESTED_QUANTIFIER_RE = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/;

/** Compiles a user regex or reports why it is refused (syntax, flags, backtracking risk). */
export function checkRegex(pattern: unknown, flags: unknown, path: string): ConfigProblem[] {
  if (typeof pattern !== 'string' || !pattern)
    return [{ path, message: 'must be a non-empty regular expression' }];
  if (pattern.length > 500)
    return [{ path, message: 'regular expression longer than 500 characters' }];
  if (flags !== undefined && (typeof flags !== 'string' || !/^[imsu]*$/.test(flags)))
    return [{ path, message: 'flags may only use i, m, s, u' }];
  if (NESTED_QUANTIFIER_RE.test(pattern))
    return [
      { path, message: 'nested quantifier may backtrack catastrophically; rewrite without (x+)+' },
    ];
  try {
    new RegExp(pattern, `${flags ?? ''}g`);
  } catch (e) {
    return [{ path, message: `invalid regular expression: ${(e as Error).message}` }];
  }
  return [];
}
