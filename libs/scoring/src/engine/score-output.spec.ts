import { DEFAULT_MODEL } from '../model/default-model';
import { SHORT_ANSWER_MODEL } from '../model/short-answer-model';
import type { ScoringConfig, ScoringInput, ScoringModel } from '../scoring.types';
import { scoreOutput, ScoringConfigError } from './score-output';

const context = [
  {
    id: 'kb',
    text: 'Lysichiton is a genus in the family Araceae. Ageratum is a genus in the family Asteraceae.',
  },
];
const all: ScoringConfig = {
  signals: {
    grounding: { weight: 3 },
    numbers: {},
    entities: {},
    contradiction: {},
    relevance: {},
    citations: {},
    selfConsistency: { weight: 2 },
    logprob: {},
  },
  validators: [],
};
const input = (text: string, extra: Partial<ScoringInput['output']> = {}): ScoringInput => ({
  input: { prompt: 'Are Lysichiton and Ageratum in the same family?', context },
  output: { text, ...extra },
});

describe('scoreOutput', () => {
  it('ranks a grounded answer above an invented one', () => {
    const good = scoreOutput(
      input('No, Lysichiton is in the family Araceae and Ageratum in Asteraceae.'),
      all,
    );
    const bad = scoreOutput(
      input('Yes, both belong to the rose family Rosaceae, discovered in 1842 by Darwin.'),
      all,
    );
    expect(good.confidence).toBeGreaterThan(bad.confidence);
  });

  it('returns every signal with score, missing, weight, contribution and evidence', () => {
    const r = scoreOutput(input('Lysichiton is in Araceae.'), all);
    expect(r.signals.map((s) => s.name)).toEqual(Object.keys(all.signals));
    for (const s of r.signals) {
      expect(s).toEqual(
        expect.objectContaining({
          missing: expect.any(Boolean),
          weight: expect.any(Number),
          contribution: expect.any(Number),
        }),
      );
      expect(
        s.missing ? s.score === null : typeof s.score === 'number' && s.score >= 0 && s.score <= 1,
      ).toBe(true);
      expect(s.evidence).toBeDefined();
    }
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    // A short answer with a context may be judged by the short-answer model (short-answer-regime.ts).
    expect([DEFAULT_MODEL, SHORT_ANSWER_MODEL].map((m) => `fitted:${m.version}`)).toContain(
      r.model,
    );
  });

  it('contributions add up to the logit (fitted model)', () => {
    const r = scoreOutput(input('Lysichiton is in Araceae.'), all);
    const judge =
      r.model === `fitted:${SHORT_ANSWER_MODEL.version}` ? SHORT_ANSWER_MODEL : DEFAULT_MODEL;
    expect(r.model).toBe(`fitted:${judge.version}`);
    const sum = r.signals.reduce((a, s) => a + s.contribution, judge.bias);
    expect(sum).toBeCloseTo(r.logit as number, 2);
  });

  it('uses policy weights in weights mode (a logarithmic opinion pool)', () => {
    const cfg: ScoringConfig = {
      signals: { grounding: { weight: 1 }, selfConsistency: { weight: 3 } },
      validators: [],
      engine: { model: 'weights' },
    };
    const r = scoreOutput(
      input('Lysichiton is in Araceae.', {
        samples: ['Lysichiton is in Araceae.', 'Araceae, Lysichiton.'],
      }),
      cfg,
    );
    expect(r.model).toBe('weights');
    expect(r.signals.map((s) => s.weight)).toEqual([1, 3]);
    expect(r.signals.reduce((a, s) => a + s.contribution, 0)).toBeCloseTo(r.logit as number, 3);
  });

  it("applies the policy's calibration over the fitted model's confidence, and keeps that confidence", () => {
    const text = input('No, Lysichiton is in the family Araceae and Ageratum in Asteraceae.');
    const own = scoreOutput(text, all);
    expect(own.modelConfidence).toBeUndefined();
    const platt = { method: 'platt' as const, a: -0.5, b: 0.4 };
    const mapped = scoreOutput(text, { ...all, engine: { calibration: platt } });
    expect(mapped.modelConfidence).toBe(own.confidence);
    const z = Math.log(own.confidence / (1 - own.confidence));
    expect(mapped.confidence).toBeCloseTo(1 / (1 + Math.exp(platt.a * z + platt.b)), 12);
    expect(mapped.logit).toBe(own.logit);
    // The identity changes nothing, and a = -1, b = 0 is the identity written as Platt.
    expect(scoreOutput(text, { ...all, engine: { calibration: { method: 'identity' } } })).toEqual(
      own,
    );
    const unit = scoreOutput(text, {
      ...all,
      engine: { calibration: { method: 'platt', a: -1, b: 0 } },
    });
    expect(unit.confidence).toBeCloseTo(own.confidence, 9);
  });

  it('in weights mode the calibration maps the pooled logit, as it always did', () => {
    const cfg: ScoringConfig = {
      signals: { grounding: { weight: 1 } },
      validators: [],
      engine: { model: 'weights', calibration: { method: 'platt', a: -2, b: 0.5 } },
    };
    const r = scoreOutput(input('Lysichiton is in Araceae.'), cfg);
    const z = r.logit as number;
    expect(r.confidence).toBeCloseTo(1 / (1 + Math.exp(-2 * z + 0.5)), 12);
    expect(r.modelConfidence).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });

  it('a signal with weight 0 shows evidence but does not count', () => {
    const r = scoreOutput(input('Invented nonsense about Mars.'), {
      signals: { grounding: { weight: 0 } },
      validators: [],
    });
    expect(r.signals[0]).toMatchObject({ weight: 0, contribution: 0, missing: false });
  });

  it('a missing signal adds the model’s missing constant, never a crash', () => {
    const model: ScoringModel = { ...DEFAULT_MODEL, missing: { grounding: -2 } };
    const r = scoreOutput(
      { input: {}, output: { text: 'hello' } },
      { signals: { grounding: {} }, validators: [] },
      model,
    );
    expect(r.signals[0]).toMatchObject({ missing: true, score: null, contribution: -2 });
  });

  it('uses priors for signals the model could not fit (samples, logprobs)', () => {
    const agree = scoreOutput(
      input('Araceae.', { samples: ['Araceae.', 'Araceae.'], logprobs: [-0.01] }),
      { signals: { selfConsistency: {}, logprob: {} }, validators: [] },
    );
    const disagree = scoreOutput(
      input('Araceae.', { samples: ['Rosaceae.', 'Poaceae.'], logprobs: [-4] }),
      { signals: { selfConsistency: {}, logprob: {} }, validators: [] },
    );
    expect(agree.confidence).toBeGreaterThan(disagree.confidence);
  });

  it('throws on an unknown name so the caller routes to humans', () => {
    expect(() => scoreOutput(input('x'), { signals: { vibes: {} }, validators: [] })).toThrow(
      ScoringConfigError,
    );
    expect(() =>
      scoreOutput(input('x'), { signals: {}, validators: [{ type: 'vibes', onFail: 'flag' }] }),
    ).toThrow(ScoringConfigError);
  });

  it('is deterministic', () => {
    const a = scoreOutput(input('Lysichiton is in Araceae.'), all);
    const b = scoreOutput(input('Lysichiton is in Araceae.'), all);
    expect(a).toEqual(b);
  });

  it.each([
    ['empty output', { text: '' }],
    ['JSON output', { json: { answer: 'Araceae', family: ['Araceae'] } }],
    ['huge output', { text: 'Lysichiton is in Araceae. '.repeat(20_000) }],
    ['only invisible characters', { text: '\u200B\u200B\u202E' }],
  ])('survives %s', (_n, output) => {
    const r = scoreOutput({ input: { prompt: 'q', context }, output }, all);
    expect(Number.isFinite(r.confidence)).toBe(true);
  });
});
