import { steppedThreshold } from './scheduled-recalibration.use-case';

describe('steppedThreshold', () => {
  it.each([
    [0.9, 0.8, 0.05, 0.85], // down, capped
    [0.8, 0.9, 0.05, 0.85], // up, capped
    [0.9, 0.88, 0.05, 0.88], // within a step: all the way
    [0.9, 0.9, 0.05, 0.9],
    [1, 0.4411, 1, 0.4411],
    [0.3, 0.1, 0.15, 0.15],
  ])('from %s toward %s by at most %s → %s', (current, proposed, maxStep, next) => {
    expect(steppedThreshold(current, proposed, maxStep)).toBeCloseTo(next, 10);
  });
});
