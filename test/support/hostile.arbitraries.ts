import fc from 'fast-check';

/** Texts that broke or could break a JSON API: control characters, invalid Unicode, injections. */
const NASTY_TEXTS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'a\udc00b',
  '\ufeff',
  '\u202e',
  '🇫🇷',
  "' OR 1=1 --",
  '"; DROP TABLE submissions; --',
  '../../../etc/passwd',
  '%00',
  '%',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'x\r\nX-Injected: 1',
  '1e999999',
  'NaN',
  '-0',
  'null',
  'true',
  '[]',
  '{}',
];

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$where',
];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_TEXTS), weight: 4 },
  // Long enough to cross every length limit, short enough for thousands of runs.
  { arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS, '', 'a.b', '\u0000', '\ud800'),
  fc.string({ maxLength: 12 }),
);

const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER * 1024, -1, 0, 1e308, -1e308, 2 ** 31),
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON value, with prototype keys, hostile texts and wrong types at every level. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{
  node: unknown;
  array: unknown[];
  object: object;
}>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, hostileScalar, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 6 }),
  object: fc.dictionary(hostileKey, tie('node'), { maxKeys: 6 }),
})).node;

/** Every path into a JSON value (objects and arrays), including a new key under each object. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    pathsOf(child, [...prefix, key]),
  );
  return [prefix, [...prefix, '__proto__'], [...prefix, 'unexpected'], ...children];
}

function setAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string,
    unknown
  >;
  const [head, ...rest] = path;
  Object.defineProperty(copy, head, {
    value: setAt(copy[head], rest, replacement),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** A valid body with one place replaced by something hostile: reaches the deeper checks. */
export function mutationOf(seed: unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...pathsOf(seed)), hostileJson)
    .map(([path, replacement]) => setAt(seed, path, replacement));
}

/** Raw bodies no JSON encoder would produce. */
export const RAW_BODIES: string[] = [
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  '{"a":',
  'not json',
  '\u0000',
  '1e999999',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  '"\\ud800"',
  '',
];

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=latin1',
  'text/plain',
  'application/yaml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
];

/** A path parameter: well-formed ids, names that exist, and hostile text (encoded, or badly). */
export const pathParam: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    'support',
    'demo',
    '00000000-0000-0000-0000-000000000000',
    '..',
    '%2e%2e',
    '%ED%A0%80',
    '%zz',
  ),
  hostileText.map((text) => {
    try {
      return encodeURIComponent(text.slice(0, 2_000)) || 'x';
    } catch {
      return '%ED%A0%80'; // a lone surrogate cannot be encoded: send the bytes it would be
    }
  }),
);

export const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?%zz=1',
    '?a=%ED%A0%80',
    '?wait=99999999',
    '?limit=-1',
    '?from=yesterday',
    '?__proto__[x]=1',
  ),
  fc
    .dictionary(
      fc.constantFrom(
        'wait',
        'externalId',
        'from',
        'to',
        'limit',
        'cursor',
        'queue',
        'pipeline',
        'activate',
        'after',
        'format',
      ),
      hostileText.map((text) => text.slice(0, 500)),
      { maxKeys: 3 },
    )
    .map((query) => {
      const entries = Object.entries(query);
      return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
    }),
);
