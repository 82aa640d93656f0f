import { scoreOutput } from '../engine/score-output';
import type { GateResult, ScoringInput, ValidatorConfig } from '../scoring.types';
import { pointerToPath } from './json-schema.gate';

const schema = {
  type: 'object',
  required: ['amount', 'items'],
  additionalProperties: false,
  properties: {
    amount: { type: 'number', minimum: 0 },
    items: {
      type: 'array',
      items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
};

function gate(output: ScoringInput['output'], v: Partial<ValidatorConfig> = {}): GateResult {
  return scoreOutput(
    { input: {}, output },
    {
      signals: {},
      validators: [{ type: 'jsonSchema', onFail: 'reject', schema, ...v }],
      schemas: { letter: schema },
    },
  ).gates[0];
}

describe('jsonSchema gate', () => {
  it.each([
    ['valid json output', { json: { amount: 3, items: [{ name: 'a' }] } }, []],
    ['valid text output', { text: '{"amount": 3, "items": []}' }, []],
    ['fenced json is accepted', { text: '```json\n{"amount": 1, "items": []}\n```' }, []],
    [
      'missing field and bad type, all errors reported',
      { json: { amount: 'x' } },
      ['json.schema.required', 'json.schema.type'],
    ],
    ['nested error', { json: { amount: 1, items: [{ name: 3 }] } }, ['json.schema.type']],
    [
      'extra property',
      { json: { amount: 1, items: [], extra: true } },
      ['json.schema.additionalProperties'],
    ],
    ['unparseable text', { text: '{"amount": 3,' }, ['json.parse']],
    ['empty output', { text: '' }, ['json.missing']],
  ])('%s', (_name, output, codes) => {
    const g = gate(output);
    expect(g.findings.map((f) => f.code).sort()).toEqual([...codes].sort());
    expect(g.passed).toBe(codes.length === 0);
  });

  it('reports the JSON path of each error', () => {
    const g = gate({ json: { amount: -1, items: [{}, { name: 2 }] } });
    expect(g.findings.flatMap((f) => f.spans?.map((s) => s.path))).toEqual(
      expect.arrayContaining(['$.amount', '$.items[0].name', '$.items[1].name']),
    );
  });

  it('resolves $ref against config.schemas', () => {
    expect(
      gate({ json: { amount: 1, items: [] } }, { schema: { $ref: '#/schemas/letter' } }).passed,
    ).toBe(true);
    expect(gate({ json: {} }, { schema: { $ref: '#/schemas/letter' } }).passed).toBe(false);
  });

  it.each([
    ['', undefined, '$'],
    ['/a/0/b', undefined, '$.a[0].b'],
    ['/weird key/x~1y', 'z', '$["weird key"]["x/y"].z'],
  ])('pointerToPath(%s)', (pointer, extra, path) =>
    expect(pointerToPath(pointer, extra)).toBe(path),
  );
});
