import { scoreOutput } from '../engine/score-output';
import type { ScoringInput, SignalResult } from '../scoring.types';

function signal(
  name: string,
  output: ScoringInput['output'],
  input: ScoringInput['input'] = {},
): SignalResult {
  return scoreOutput({ input, output }, { signals: { [name]: { weight: 1 } }, validators: [] })
    .signals[0];
}

describe('selfConsistency signal', () => {
  const text = 'The excess is 500 dollars. Floods are excluded.';
  it.each([
    [
      'samples agree',
      [
        'The excess is 500 dollars. Floods are excluded.',
        'Excess: 500 dollars; floods excluded.',
        'Floods are excluded and the excess is 500 dollars.',
      ],
      1,
      1,
    ],
    [
      'one sentence unsupported by samples',
      [
        'The excess is 500 dollars. Fire is covered.',
        'The excess is 500 dollars.',
        'Excess 500 dollars.',
      ],
      0.3,
      0.7,
    ],
    [
      'samples disagree entirely',
      ['Nothing is covered.', 'Call us tomorrow.', 'Pipes burst.'],
      0,
      0.3,
    ],
  ])('%s', (_n, samples, lo, hi) => {
    const s = signal('selfConsistency', { text, samples });
    expect(s.score).toBeGreaterThanOrEqual(lo);
    expect(s.score).toBeLessThanOrEqual(hi);
  });

  it('compares JSON outputs field by field', () => {
    const s = signal('selfConsistency', {
      json: { amount: 500, covered: true, reason: 'Burst pipe' },
      samples: [
        '{"amount":500,"covered":true,"reason":"burst pipe"}',
        '{"amount":700,"covered":true,"reason":"Burst pipe"}',
        'not json',
      ],
    });
    const ev = s.evidence as { mode: string; disagreeing: { path: string }[] };
    expect(ev.mode).toBe('json-fields');
    expect(ev.disagreeing[0].path).toBe('$.amount');
    expect(s.score).toBeCloseTo((1 / 3 + 2 / 3 + 2 / 3) / 3, 5);
  });

  it('is missing without samples', () =>
    expect(signal('selfConsistency', { text }).missing).toBe(true));
});

describe('logprob signal', () => {
  it.each([
    ['confident', [-0.01, -0.02, -0.05], 0.9],
    ['guessing', [-3, -2.5, -0.1], 0],
  ])('%s', (_n, logprobs, min) =>
    expect(signal('logprob', { text: 'x', logprobs }).score).toBeGreaterThanOrEqual(min),
  );

  it('reports mean, min and low-probability share', () => {
    const ev = signal('logprob', { text: 'x', logprobs: [-0.1, -3, -0.2, -0.1] })
      .evidence as Record<string, number>;
    expect(ev).toMatchObject({ tokens: 4, min: -3, lowShare: 0.25 });
  });

  it('ignores invalid values and is missing when none are left', () => {
    expect(signal('logprob', { text: 'x', logprobs: [Number.NaN, 1] }).missing).toBe(true);
    expect(signal('logprob', { text: 'x' }).missing).toBe(true);
  });
});
