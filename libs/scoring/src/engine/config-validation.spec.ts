import { KNOWN_SIGNALS, KNOWN_VALIDATORS } from './known-names';
import { validateScoringConfig } from './config-validation';
import type { ScoringConfig } from '../scoring.types';

const paths = (c: Partial<ScoringConfig>): string[] =>
  validateScoringConfig({ signals: {}, validators: [], ...c } as ScoringConfig).map((p) => p.path);

describe('validateScoringConfig', () => {
  it('lists every signal and validator of the issue', () => {
    expect([...KNOWN_SIGNALS].sort()).toEqual([
      'citations',
      'contradiction',
      'entities',
      'grounding',
      'logprob',
      'numbers',
      'relevance',
      'selfConsistency',
    ]);
    expect([...KNOWN_VALIDATORS].sort()).toEqual([
      'format',
      'integrity',
      'jsonSchema',
      'language',
      'length',
      'phrases',
      'pii',
      'regulatedAdvice',
      'safety',
      'sql',
      'template',
      'tone',
      'webhook',
    ]);
  });

  it('accepts the design document example', () => {
    expect(
      validateScoringConfig({
        signals: {
          grounding: { weight: 3 },
          selfConsistency: { weight: 2 },
          logprob: { weight: 1 },
        },
        validators: [
          { type: 'jsonSchema', schema: { $ref: '#/schemas/letter' }, onFail: 'reject' },
          {
            type: 'phrases',
            deny: ['fraudulent claim'],
            suggest: 'claim not covered by policy',
            onFail: 'human',
          },
          { type: 'pii', onFail: 'human' },
          { type: 'length', max: 2000, onFail: 'flag' },
          { type: 'language', allowed: ['en', 'th'], onFail: 'human' },
        ],
        schemas: { letter: { type: 'object' } },
        engine: { model: 'fitted' },
      }),
    ).toEqual([]);
  });

  it.each([
    ['unknown signal', { signals: { vibes: { weight: 1 } } }, ['signals.vibes']],
    ['negative weight', { signals: { grounding: { weight: -1 } } }, ['signals.grounding.weight']],
    [
      'unknown signal option',
      { signals: { grounding: { weigth: 1 } } },
      ['signals.grounding.weigth'],
    ],
    ['signal options not an object', { signals: { grounding: 3 as never } }, ['signals.grounding']],
    [
      'unknown validator type',
      { validators: [{ type: 'toxicity', onFail: 'reject' }] },
      ['validators[0].type'],
    ],
    ['missing onFail', { validators: [{ type: 'pii' } as never] }, ['validators[0].onFail']],
    [
      'bad onFail',
      { validators: [{ type: 'pii', onFail: 'explode' } as never] },
      ['validators[0].onFail'],
    ],
    [
      'deny not a list',
      {
        validators: [
          { type: 'length', max: 5, onFail: 'flag' },
          { type: 'length', max: 5, onFail: 'flag' },
          { type: 'phrases', deny: 'x', onFail: 'human' },
        ],
      },
      ['validators[2].deny'],
    ],
    [
      'catastrophic regex',
      { validators: [{ type: 'phrases', regex: ['(a+)+$'], onFail: 'human' }] },
      ['validators[0].regex[0]'],
    ],
    [
      'invalid regex',
      { validators: [{ type: 'phrases', regex: ['(unclosed'], onFail: 'human' }] },
      ['validators[0].regex[0]'],
    ],
    [
      'missing schema ref',
      {
        validators: [{ type: 'jsonSchema', schema: { $ref: '#/schemas/nope' }, onFail: 'reject' }],
      },
      ['validators[0].schema'],
    ],
    [
      'invalid JSON Schema',
      { validators: [{ type: 'jsonSchema', schema: { type: 'banana' }, onFail: 'reject' }] },
      ['validators[0].schema'],
    ],
    [
      'length without bounds',
      { validators: [{ type: 'length', onFail: 'flag' }] },
      ['validators[0]'],
    ],
    [
      'length min > max',
      { validators: [{ type: 'length', min: 10, max: 5, onFail: 'flag' }] },
      ['validators[0].min'],
    ],
    [
      'unknown PII kind',
      { validators: [{ type: 'pii', kinds: ['dna'], onFail: 'human' }] },
      ['validators[0].kinds[0]'],
    ],
    [
      'bad language code',
      { validators: [{ type: 'language', allowed: ['English'], onFail: 'human' }] },
      ['validators[0].allowed[0]'],
    ],
    ['unknown engine model', { engine: { model: 'magic' } }, ['scoring.model']],
    ['unknown engine option', { engine: { modle: 'fitted' } }, ['scoring.modle']],
    [
      'bad calibration',
      { engine: { model: 'weights', calibration: { method: 'platt', a: 'x' } } },
      ['scoring.calibration.a', 'scoring.calibration.b'],
    ],
    [
      'a calibration that ranks the wrong way round',
      { engine: { calibration: { method: 'platt', a: 0.5, b: 0 } } },
      ['scoring.calibration.a'],
    ],
    ['validators not a list', { validators: {} as never }, ['validators']],
  ])('%s', (_n, config, expected) =>
    expect(paths(config as Partial<ScoringConfig>)).toEqual(expected),
  );
});
