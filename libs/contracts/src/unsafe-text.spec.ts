import { findUnsafeText, PROTOTYPE_KEYS } from './unsafe-text';

/** `depth` levels of {a: …} around 1, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('findUnsafeText', () => {
  it.each<[string, unknown, string | null, RegExp | null]>([
    ['plain text', { output: { text: 'Paris 🇫🇷' } }, null, null],
    ['numbers, booleans and null', { a: [1, true, null] }, null, null],
    ['NUL in a nested string', { output: { text: 'a\u0000b' } }, 'output.text', /NUL/],
    [
      'NUL in an array element',
      { input: { context: [{ text: 'ok' }, { text: '\u0000' }] } },
      'input.context.1.text',
      /NUL/,
    ],
    ['NUL in a key', { metadata: { 'a\u0000': 1 } }, 'metadata', /key .*NUL/],
    ['a lone high surrogate', { t: 'a\ud800b' }, 't', /lone surrogate/],
    ['a lone high surrogate at the end', { t: 'a\ud800' }, 't', /lone surrogate/],
    ['a lone low surrogate', { t: '\udc00' }, 't', /lone surrogate/],
    ['a reversed pair', { t: '\udc00\ud800' }, 't', /lone surrogate/],
    ['a bare string', 'x\u0000', '', /the body/],
    ['nesting at the limit', nested(63), null, null],
    ['nesting over the limit', { m: nested(100_000) }, `m${'.a'.repeat(63)}`, /nested too deeply/],
  ])('%s', (_name, value, path, message) => {
    const problem = findUnsafeText(value);
    if (path === null) return expect(problem).toBeNull();
    expect(problem?.path).toBe(path);
    expect(problem?.message).toMatch(message as RegExp);
  });
});

describe('findUnsafeText with forbidden keys (socket payloads)', () => {
  const constructorKey = JSON.parse('{"taskId":"t","x":{"constructor":[1]}}') as unknown;
  const protoKey = JSON.parse('{"__proto__":{"admin":true}}') as unknown;

  it('names the place of a prototype key', () => {
    expect(findUnsafeText(constructorKey, 64, PROTOTYPE_KEYS)).toEqual({
      path: 'x',
      message: 'x has a key that is named "constructor" (not accepted)',
    });
    expect(findUnsafeText(protoKey, 64, PROTOTYPE_KEYS)?.message).toMatch(
      /the body has a key .*__proto__/,
    );
  });

  it('lets the same keys through when none are forbidden (HTTP bodies: Fastify refuses them)', () => {
    expect(findUnsafeText(constructorKey)).toBeNull();
  });
});
