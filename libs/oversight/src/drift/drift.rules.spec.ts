import { featureStability, modelChange, rejectRateDrift, versionChange } from './drift.rules';
import type { TrafficItem } from './traffic-sample.repository';

const item = (over: Partial<TrafficItem> = {}, i = 0): TrafficItem => ({
  confidence: 0.5 + ((i * 37) % 50) / 100,
  route: 'approved',
  inputLength: 400 + ((i * 7) % 60),
  outputLength: 100 + ((i * 13) % 40),
  signals: { grounding: 0.6 + ((i * 11) % 30) / 100, numbers: 1 },
  language: 'en',
  model: 'gpt:1',
  promptVersion: 'answer@3',
  outputFormality: 0.45 + ((i * 17) % 20) / 100,
  humanRejected: null,
  ...over,
});
const many = (n: number, over: Partial<TrafficItem> = {}) =>
  Array.from({ length: n }, (_, i) => item(over, i));
const level = (b: TrafficItem[], c: TrafficItem[]) =>
  Object.fromEntries(featureStability(b, c).map((s) => [s.feature, s.level]));

describe('featureStability', () => {
  it('is stable for the same traffic and names the feature that shifted', () => {
    expect(level(many(200), many(200))).toEqual({
      confidence: 'stable',
      'signal.grounding': 'stable',
      'signal.numbers': 'stable',
      inputLength: 'stable',
      outputLength: 'stable',
      outputFormality: 'stable',
      language: 'stable',
      route: 'stable',
    });
    expect(level(many(200), many(200, { outputLength: 900 }))).toMatchObject({
      outputLength: 'major',
      confidence: 'stable',
    });
    expect(level(many(200), many(200, { language: 'ms' }))).toMatchObject({
      language: 'major',
      outputLength: 'stable',
    });
    expect(level(many(200), [...many(100), ...many(100, { route: 'human_review' })])).toMatchObject(
      { route: 'major' },
    );
  });

  it('names a signal whose scores shifted while the confidence held, and a longer input', () => {
    const shifted = many(200).map((i) => ({ ...i, signals: { ...i.signals, grounding: 0.05 } }));
    expect(level(many(200), shifted)).toMatchObject({
      'signal.grounding': 'major',
      'signal.numbers': 'stable',
      confidence: 'stable',
    });
    expect(level(many(200), many(200, { inputLength: 5000 }))).toMatchObject({
      inputLength: 'major',
      outputLength: 'stable',
    });
  });

  it('names a change of register that leaves the length alone, and needs enough measured outputs', () => {
    const stilted = many(200).map((i) => ({ ...i, outputFormality: 0.9 }));
    expect(level(many(200), stilted)).toMatchObject({
      outputFormality: 'major',
      outputLength: 'stable',
      confidence: 'stable',
    });
    // Formality is measured on a sample: too few measured outputs and it is not judged.
    const few = stilted.map((i, n) => (n < 20 ? i : { ...i, outputFormality: undefined }));
    const judged = Object.fromEntries(
      featureStability(many(200), few, 50).map((f) => [f.feature, f.level]),
    );
    expect(judged.outputFormality).toBe('unknown');
  });

  it('says unknown when a window is empty', () => {
    expect(featureStability([], many(10)).every((s) => s.level === 'unknown')).toBe(true);
  });
});

describe('modelChange', () => {
  const decided = (n: number, rejected: number, model: string) =>
    Array.from({ length: n }, (_, i) => item({ model, humanRejected: i < rejected }, i));

  it('names a worse human reject rate of a new model version', () => {
    const change = modelChange(decided(60, 3, 'gpt:1'), decided(60, 25, 'gpt:2'), 30);
    expect(change).toMatchObject({ previous: 'gpt:1', next: 'gpt:2' });
    expect(change?.changes[0]).toMatch(/human reject rate 5\.0 % → 41\.7 %/);
  });

  it('is null without a new model, with too few of its items, or when nothing differs', () => {
    expect(modelChange(decided(60, 3, 'gpt:1'), decided(60, 20, 'gpt:1'), 30)).toBeNull();
    expect(modelChange(decided(60, 3, 'gpt:1'), decided(10, 9, 'gpt:2'), 30)).toBeNull();
    expect(modelChange(decided(60, 3, 'gpt:1'), decided(60, 3, 'gpt:2'), 30)).toBeNull();
  });

  it('names the formality shift of a new version that kept its length (a style change)', () => {
    const change = modelChange(many(60), many(60, { model: 'gpt:2', outputFormality: 0.92 }), 30);
    expect(change?.changes.join()).toMatch(
      /outputFormality shifted, PSI .* \(mean 0\.5\d → 0\.92, 0 casual … 1 formal\)/,
    );
  });

  it('compares a new prompt version with the previous one, and a first one with none', () => {
    const change = versionChange(
      'prompt',
      decided(60, 3, 'gpt:1'),
      decided(60, 25, 'gpt:1').map((i) => ({ ...i, promptVersion: 'answer@4' })),
      30,
    );
    expect(change).toMatchObject({ kind: 'prompt', previous: 'answer@3', next: 'answer@4' });
    expect(change?.changes[0]).toMatch(/human reject rate 5\.0 % → 41\.7 %/);
    const first = versionChange(
      'prompt',
      decided(60, 3, 'gpt:1').map((i) => ({ ...i, promptVersion: null })),
      decided(60, 25, 'gpt:1'),
      30,
    );
    expect(first).toMatchObject({ previous: '(none)', next: 'answer@3' });
    // The model kept its version: no model change.
    expect(modelChange(decided(60, 3, 'gpt:1'), decided(60, 25, 'gpt:1'), 30)).toBeNull();
  });

  it('names an output length shift of a new version', () => {
    const change = modelChange(many(60), many(60, { model: 'gpt:2', outputLength: 2000 }), 30);
    expect(change?.changes.join()).toMatch(/outputLength shifted, PSI .* characters/);
  });
});

describe('rejectRateDrift', () => {
  const decided = (n: number, rejected: number) =>
    Array.from({ length: n }, (_, i) => item({ humanRejected: i < rejected }, i));

  it('is rising when people reject significantly more than in the baseline', () => {
    expect(rejectRateDrift(decided(200, 20), decided(200, 60), 30)).toMatchObject({
      level: 'rising',
      before: 0.1,
      after: 0.3,
    });
  });

  it('is steady for the same rate, and for a lower one', () => {
    expect(rejectRateDrift(decided(200, 20), decided(200, 22), 30)?.level).toBe('steady');
    expect(rejectRateDrift(decided(200, 60), decided(200, 20), 30)?.level).toBe('steady');
  });

  it('says nothing with too few human decisions in a window', () => {
    expect(rejectRateDrift(decided(200, 20), [...decided(10, 9), ...many(190)], 30)).toBeNull();
  });
});
