import type { GateFinding, ScoringInput, ValidatorConfig } from '../scoring.types';
import { outputJson } from './json-schema.gate';

// Policies are loaded once per version and their validator entries are never mutated, so what a
// gate derives from its options (regexes, parsed templates, lexicons) is built once per entry.
const compiledCache = new WeakMap<object, unknown>();

/** What `build` makes of a validator entry, built on first use and kept as long as the entry lives. */
export function compiledFor<T>(options: ValidatorConfig, build: (o: ValidatorConfig) => T): T {
  const hit = compiledCache.get(options) as T | undefined;
  if (hit !== undefined) return hit;
  const made = build(options);
  compiledCache.set(options, made);
  return made;
}

const FIELD_SEGMENT = /^[A-Za-z_$][\w$-]*$|^\d+$/;

/** Whether `field` is a dotted path such as `query` or `result.items.0.sql`. */
export function isFieldPath(field: string): boolean {
  return field.split('.').every((s) => FIELD_SEGMENT.test(s));
}

/**
 * The text a gate checks: the string at `field` of the JSON output when a field is named (own
 * properties only), else the whole output text.
 */
export function targetText(
  input: ScoringInput,
  wholeText: string,
  field: unknown,
  code: string,
): { text: string; path?: string } | { finding: GateFinding } {
  if (typeof field !== 'string') return { text: wholeText };
  const parsed = outputJson(input);
  if (!parsed.ok)
    return { finding: { code, message: `The output is not JSON, so it has no field "${field}".` } };
  let value: unknown = parsed.value;
  for (const segment of field.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
      value = undefined;
      break;
    }
    value = (value as Record<string, unknown>)[segment];
  }
  if (typeof value !== 'string')
    return {
      finding: {
        code,
        message: `The output's field "${field}" is ${value === undefined ? 'missing' : 'not a string'}.`,
        spans: [{ path: `$.${field}` }],
      },
    };
  return { text: value, path: `$.${field}` };
}

/**
 * ASCII letters lowercased, every other character kept: the same length as `text`, so offsets
 * found in it are offsets in `text`. The lexicons are lowercase, which lets their regular
 * expressions go without the `i` and `u` flags: case-insensitive Unicode alternations of a hundred
 * entries cost milliseconds to compile, and V8 drops compiled regular expressions on a busy heap.
 */
export function asciiLower(text: string): string {
  // ASCII-only text (most English outputs): toLowerCase is the same and much cheaper.
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) > 127) return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  return text.toLowerCase();
}

/** Word boundaries for Latin-script lexicon entries, without the `u` flag. */
export const LATIN_BEFORE = '(?<![a-z0-9\\u00C0-\\u024F])';
export const LATIN_AFTER = '(?![a-z0-9\\u00C0-\\u024F])';
