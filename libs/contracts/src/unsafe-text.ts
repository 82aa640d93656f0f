/** What is wrong with a value Postgres would refuse, and where: `output.text`, `metadata`. */
export interface UnsafeTextProblem {
  path: string;
  message: string;
}

/** Deepest nesting of arrays and objects accepted in a request (a policy is about 6 deep). */
export const MAX_NESTING = 64;

// A NUL (Postgres text and jsonb refuse it) or a surrogate half without its other half
// (not Unicode: jsonb refuses its escape, text would store mojibake).
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD_CHAR = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function describe(text: string): string | null {
  const found = BAD_CHAR.exec(text);
  if (!found) return null;
  return found[0] === '\u0000'
    ? 'must not contain a NUL character (\\u0000)'
    : 'must not contain a lone surrogate (invalid Unicode)';
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Keys that reach an object's prototype when a library copies them (class-transformer crashes on
 * them). Fastify refuses them in HTTP bodies as it parses; a socket payload has no such parser.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string;
}

function pathOf(frame: Frame): string {
  const parts: string[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) parts.push(f.key);
  return parts.reverse().join('.');
}

/**
 * The first string (or object key) that Postgres cannot store, or the first place nested deeper
 * than maxDepth; null when the value is fine. Iterative, so hostile nesting cannot overflow the
 * stack here (class-transformer and class-validator recurse: they must never see it).
 */
export function findUnsafeText(
  value: unknown,
  maxDepth = MAX_NESTING,
  forbiddenKeys: ReadonlySet<string> = NO_KEYS,
): UnsafeTextProblem | null {
  const stack: Frame[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const current = frame.value;
    if (typeof current === 'string') {
      const problem = describe(current);
      if (problem)
        return { path: pathOf(frame), message: `${pathOf(frame) || 'the body'} ${problem}` };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (frame.depth >= maxDepth) {
      const path = pathOf(frame);
      return {
        path,
        message: `${path || 'the body'} is nested too deeply (at most ${maxDepth} levels)`,
      };
    }
    for (const [key, child] of Object.entries(current)) {
      const keyProblem = forbiddenKeys.has(key)
        ? `is named "${key}" (not accepted)`
        : describe(key);
      if (keyProblem) {
        const path = pathOf(frame);
        return { path, message: `${path || 'the body'} has a key that ${keyProblem}` };
      }
      stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return null;
}
