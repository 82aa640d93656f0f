import { effectivePolicy, policyWarnings, type ScoringDefaults } from './effective-policy';
import { validatePolicy } from './policy.validator';
import type { Policy } from './policy.types';

const DEFAULTS: ScoringDefaults = {
  signals: ['grounding', 'numbers', 'contradiction', 'logprob'],
  model: 'dev-test',
};

function policy(signals?: Record<string, unknown>): Policy {
  const doc = {
    pipeline: 'faq',
    ...(signals === undefined ? {} : { signals }),
    thresholds: { autoApprove: 0.9, aiReview: 0.5 },
  };
  const { policy: p, problems } = validatePolicy(doc);
  if (!p) throw new Error(JSON.stringify(problems));
  return p;
}

describe('effectivePolicy', () => {
  it.each([
    ['no signals: section', undefined],
    ['an empty signals: map', {}],
  ])('fills every fitted signal at weight 1 for %s', (_, signals) => {
    expect(effectivePolicy(policy(signals), DEFAULTS).signals).toEqual({
      grounding: { weight: 1 },
      numbers: { weight: 1 },
      contradiction: { weight: 1 },
      logprob: { weight: 1 },
    });
  });

  it('keeps a listed subset exactly as written', () => {
    const p = policy({ grounding: { weight: 3 } });
    expect(effectivePolicy(p, DEFAULTS).signals).toEqual({ grounding: { weight: 3 } });
  });

  it('changes nothing else and leaves its argument untouched', () => {
    const p = policy();
    const e = effectivePolicy(p, DEFAULTS);
    expect({ ...e, signals: {} }).toEqual(p);
    expect(p.signals).toEqual({});
  });
});

describe('policyWarnings', () => {
  it.each([
    ['no signals: section', undefined],
    ['an empty signals: map', {}],
    ['every fitted signal', { grounding: {}, numbers: {}, contradiction: {}, logprob: {} }],
  ])('is silent for %s', (_, signals) => {
    expect(policyWarnings(policy(signals), DEFAULTS)).toEqual([]);
  });

  it('names each fitted signal a subset leaves out, in the model order', () => {
    const [w, ...rest] = policyWarnings(policy({ logprob: {}, grounding: {} }), DEFAULTS);
    expect(rest).toEqual([]);
    expect(w.path).toBe('signals');
    expect(w.message).toMatch(
      /^leaves out numbers, contradiction, which the fitted model dev-test/,
    );
  });

  it('names a fitted signal weighed 0', () => {
    const warnings = policyWarnings(
      policy({ grounding: {}, numbers: { weight: 0 }, contradiction: {}, logprob: {} }),
      DEFAULTS,
    );
    expect(warnings.map((w) => w.path)).toEqual(['signals.numbers.weight']);
  });
});
