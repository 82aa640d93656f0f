import type { ScoringModel } from '../scoring.types';
import { DEFAULT_MODEL } from './default-model';
import { scoringDefaults } from './model-signals';

const EMPTY: ScoringModel = {
  version: 'm1',
  bias: 0,
  features: [],
  missing: {},
  priors: {},
  calibration: { method: 'identity' },
};

describe('scoringDefaults', () => {
  it('lists all eight signals for the shipped model, in the engine order', () => {
    expect(scoringDefaults()).toEqual({
      signals: [
        'grounding',
        'numbers',
        'entities',
        'citations',
        'contradiction',
        'selfConsistency',
        'logprob',
        'relevance',
      ],
      model: DEFAULT_MODEL.version,
    });
  });

  it.each<[string, Partial<ScoringModel>, string[]]>([
    ['nothing', {}, []],
    [
      'features',
      { features: [{ name: 'numbers.grounded', signal: 'numbers', weight: 1, mean: 0, scale: 1 }] },
      ['numbers'],
    ],
    ['a missing constant', { missing: { relevance: 1 } }, ['relevance']],
    ['priors', { priors: { logprob: 0.5, grounding: 1 } }, ['grounding', 'logprob']],
    ['an unknown signal name', { priors: { telepathy: 1 } }, []],
  ])('takes signals from %s', (_, part, signals) => {
    expect(scoringDefaults({ ...EMPTY, ...part }).signals).toEqual(signals);
  });
});
