import { checkVariables, readPromptDocument, versionChecksum } from './prompt-document';
import { renderMessages } from './prompt-template';
import { isKnownLanguage, variantFor } from './language-codes';

const doc = (template: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  template,
  variables: {
    type: 'object',
    properties: { name: { type: 'string' }, items: { type: 'array' } },
    required: ['name'],
  },
  ...extra,
});
const en = (content: string) => ({
  defaultLanguage: 'en',
  variants: { en: [{ role: 'user', content }] },
});
const paths = (raw: unknown) => readPromptDocument(raw).problems.map((p) => p.path);

describe('reading a prompt version', () => {
  it('accepts variants, sections, partials and model settings', () => {
    const { document, problems } = readPromptDocument(
      doc(
        {
          defaultLanguage: 'en',
          variants: {
            en: [{ role: 'system', content: 'Hi {{name}}{{#items}} {{.}}{{/items}} {{> sign}}' }],
            ms: [{ role: 'user', content: 'Hai {{name}}' }],
          },
          partials: { sign: 'Bye {{name}}' },
        },
        { model: { provider: 'gen', temperature: 0.3, maxTokens: 100 }, labels: ['production'] },
      ),
    );
    expect(problems).toEqual([]);
    expect(document?.template.partials).toEqual({ sign: 'Bye {{name}}' });
    expect(document?.labels).toEqual(['production']);
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'x', ''],
    ['unclosed section', doc(en('{{#name}} open')), 'template.variants.en[0].content'],
    ['undeclared variable', doc(en('{{nickname}}')), 'template.variants.en[0].content'],
    ['missing partial', doc(en('{{> nope}}')), 'template.variants.en[0].content'],
    [
      'unknown language',
      doc({
        defaultLanguage: 'en',
        variants: { en: [{ role: 'user', content: 'x' }], xx: [{ role: 'user', content: 'x' }] },
      }),
      'template.variants.xx',
    ],
    [
      'bad role',
      doc({ defaultLanguage: 'en', variants: { en: [{ role: 'tool', content: 'x' }] } }),
      'template.variants.en[0]',
    ],
    ['no variants', doc({ defaultLanguage: 'en', variants: {} }), 'template.variants'],
    [
      'default without variant',
      doc({ defaultLanguage: 'th', variants: { en: [{ role: 'user', content: 'x' }] } }),
      'template.defaultLanguage',
    ],
    [
      'variables not an object schema',
      { template: en('x'), variables: { type: 'string' } },
      'variables',
    ],
    [
      'invalid JSON Schema',
      { template: en('x'), variables: { type: 'object', properties: { a: { type: 'nonsense' } } } },
      'variables',
    ],
    ['temperature out of range', doc(en('x'), { model: { temperature: 5 } }), 'model.temperature'],
    ['unknown model setting', doc(en('x'), { model: { top_p: 1 } }), 'model.top_p'],
    ['bad label', doc(en('x'), { labels: ['Prod!'] }), 'labels'],
    ['bad rollback target', doc(en('x'), { rollback: { target: 'anywhere' } }), 'rollback.target'],
    ['unknown field', doc(en('x'), { temperature: 1 }), 'temperature'],
  ])('refuses %s, naming the field', (_name, raw, path) => expect(paths(raw)).toContain(path));

  it('gives the same checksum to the same content whatever the key order', () => {
    const a = readPromptDocument(
      doc(en('Hi {{name}}'), { model: { provider: 'p', model: 'm' } }),
    ).document!;
    const b = readPromptDocument({
      model: { model: 'm', provider: 'p' },
      variables: doc(en('')).variables,
      template: en('Hi {{name}}'),
    }).document!;
    expect(versionChecksum(a)).toBe(versionChecksum(b));
    expect(versionChecksum(readPromptDocument(doc(en('Hello {{name}}'))).document!)).not.toBe(
      versionChecksum(a),
    );
  });
});

describe('rendering and variables', () => {
  const schema = doc(en('')).variables;
  it('names a missing required variable and a wrong type', () => {
    expect(checkVariables('v-1', schema, {})).toEqual([
      { path: 'variables.name', message: 'is required' },
    ]);
    expect(checkVariables('v-1', schema, { name: 3 }).map((p) => p.path)).toEqual([
      'variables.name',
    ]);
    expect(checkVariables('v-1', schema, { name: 'Ana' })).toEqual([]);
  });

  it('inserts values as data: no template code, no HTML escaping, no reach into prototypes', () => {
    const [m] = renderMessages(
      [{ role: 'user', content: 'Hi {{name}} {{constructor}}{{#items}}[{{.}}]{{/items}}' }],
      { name: '{{secret}} <b>&', items: ['a', 'b'] },
      {},
    );
    expect(m.content).toBe('Hi {{secret}} <b>& [a][b]');
  });
});

describe('languages', () => {
  it.each([
    ['en', true],
    ['ms', true],
    ['tl', true],
    ['zh-Hant', true],
    ['xx', false],
    ['english', false],
    ['', false],
  ])('%s known: %p', (tag, known) => expect(isKnownLanguage(tag)).toBe(known));

  it('picks the exact variant, then the primary language, else none', () => {
    expect(variantFor('en-GB', ['en', 'ms'])).toBe('en');
    expect(variantFor('MS', ['en', 'ms'])).toBe('ms');
    expect(variantFor('th', ['en', 'ms'])).toBeNull();
  });
});
