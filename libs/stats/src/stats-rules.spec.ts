import {
  bucketLowerMs,
  bucketUpperMs,
  DURATION_BUCKETS_MS,
  forecastQueues,
  quantileMs,
  resolveRange,
  share,
} from './stats-rules';
import { csvField, csvLine } from './stats-export.service';

describe('stats rules', () => {
  it.each([
    [0, 0, 1_000],
    [1, 1_000, 5_000],
    [DURATION_BUCKETS_MS.length, 86_400_000, Infinity],
  ])('bucket %s spans [%s, %s)', (index, lower, upper) => {
    expect(bucketLowerMs(index)).toBe(lower);
    expect(bucketUpperMs(index)).toBe(upper);
  });

  it('quantiles interpolate inside the bucket holding the rank', () => {
    // 10 values in [1s, 5s), 10 in [5s, 15s)
    const h = new Map([
      [1, 10],
      [2, 10],
    ]);
    expect(quantileMs(h, 0.5)).toBe(5_000);
    expect(quantileMs(h, 0.25)).toBe(3_000);
    expect(quantileMs(h, 0.9)).toBe(13_000);
    expect(quantileMs(new Map([[DURATION_BUCKETS_MS.length, 3]]), 0.5)).toBe(86_400_000);
  });

  it('an empty histogram has no quantile', () => {
    expect(quantileMs(new Map(), 0.5)).toBeNull();
    expect(quantileMs(new Map([[3, 0]]), 0.5)).toBeNull();
  });

  it('ranges round out to whole minutes up to six hours, whole hours beyond', () => {
    const r = resolveRange(new Date('2025-01-01T10:00:30Z'), new Date('2025-01-01T11:00:10Z'));
    expect(r).toEqual({
      from: new Date('2025-01-01T10:00:00Z'),
      to: new Date('2025-01-01T11:01:00Z'),
      grain: 'm',
    });
    const d = resolveRange(new Date('2025-01-01T10:30:00Z'), new Date('2025-01-02T10:30:00Z'));
    expect(d).toEqual({
      from: new Date('2025-01-01T10:00:00Z'),
      to: new Date('2025-01-02T11:00:00Z'),
      grain: 'h',
    });
  });

  it('shares are null when there is nothing to share', () => {
    expect(share(1, 0)).toBeNull();
    expect(share(1, 3)).toBe(0.3333);
  });

  describe('forecast', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    it('a shrinking queue empties at backlog / net clearing rate; a breach before that is predicted', () => {
      const { queues, nextBreach } = forecastQueues(
        [
          {
            queue: 'a',
            backlog: 30,
            inflowPerMin: 1,
            clearedPerMin: 4,
            nextDueAt: new Date('2025-01-01T12:05:00Z'),
          },
          {
            queue: 'b',
            backlog: 10,
            inflowPerMin: 0,
            clearedPerMin: 10,
            nextDueAt: new Date('2025-01-01T12:30:00Z'),
          },
        ],
        now,
      );
      expect(queues[0]).toMatchObject({
        trend: 'shrinking',
        emptiesAt: '2025-01-01T12:10:00.000Z',
        breachAt: '2025-01-01T12:05:00.000Z',
      });
      expect(queues[1]).toMatchObject({ emptiesAt: '2025-01-01T12:01:00.000Z', breachAt: null });
      expect(nextBreach).toEqual({ queue: 'a', at: '2025-01-01T12:05:00.000Z' });
    });
    it('a growing queue never empties and breaches at its next deadline (now when overdue)', () => {
      const { queues, nextBreach } = forecastQueues(
        [
          {
            queue: 'g',
            backlog: 5,
            inflowPerMin: 3,
            clearedPerMin: 1,
            nextDueAt: new Date('2025-01-01T11:00:00Z'),
          },
          { queue: 'e', backlog: 0, inflowPerMin: 0, clearedPerMin: 0, nextDueAt: null },
        ],
        now,
      );
      expect(queues[0]).toMatchObject({
        trend: 'growing',
        emptiesAt: null,
        breachAt: now.toISOString(),
      });
      expect(queues[1]).toMatchObject({
        trend: 'empty',
        emptiesAt: now.toISOString(),
        breachAt: null,
      });
      expect(nextBreach?.queue).toBe('g');
    });
  });

  it('CSV fields are quoted when needed', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(['x', 'y'])).toBe('x|y');
    expect(csvField(null)).toBe('');
    expect(csvLine([1, 'a'])).toBe('1,a\r\n');
  });
});
