import { checkPolicySemantics } from './policy-semantics.checker';
import { DEFAULT_UNDO_WINDOW, undoWindowMs } from './undo-window.resolver';

describe('undoWindowMs', () => {
  it.each([
    [undefined, 0],
    ['0', 0],
    ['0s', 0],
    ['15s', 15_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['not a duration', 0],
  ])('review.undoWindow %p holds a decision %p ms', (undoWindow, ms) => {
    expect(undoWindowMs({ undoWindow })).toBe(ms);
  });

  it('is off unless the policy sets it', () => {
    expect(DEFAULT_UNDO_WINDOW).toBe('0');
  });
});

describe('review.undoWindow checks', () => {
  const problems = (undoWindow: unknown) =>
    checkPolicySemantics({ pipeline: 'p', review: { undoWindow } }).filter(
      (p) => p.path === 'review.undoWindow',
    );

  it.each(['0', '0s', '15s', '10m'])('accepts %p', (value) => {
    expect(problems(value)).toEqual([]);
  });

  it('refuses a text that is not a duration, naming the field and the fix', () => {
    expect(problems('soon')).toEqual([
      {
        path: 'review.undoWindow',
        message: 'is not a duration (got "soon"); write e.g. "15s", "1m" or "0" (no undo)',
      },
    ]);
  });

  it('refuses a window over ten minutes', () => {
    expect(problems('11m')).toEqual([
      { path: 'review.undoWindow', message: 'must be at most 10m' },
    ]);
  });
});
