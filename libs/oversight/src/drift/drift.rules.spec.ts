import { featureStability, modelChange } from './drift.rules';
import type { TrafficItem } from './traffic-sample.repository';

const item = (over: Partial<TrafficItem> = {}, i = 0): TrafficItem => ({
  confidence: 0.5 + ((i * 37) % 50) / 100,
  route: 'approved',
  outputLength: 100 + ((i * 13) % 40),
  language: 'en',
  model: 'gpt:1',
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
      outputLength: 'stable',
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

  it('names an output length shift of a new version', () => {
    const change = modelChange(many(60), many(60, { model: 'gpt:2', outputLength: 2000 }), 30);
    expect(change?.changes.join()).toMatch(/outputLength shifted, PSI .* characters/);
  });
});
