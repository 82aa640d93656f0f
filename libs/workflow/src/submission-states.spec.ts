import {
  assertPath,
  canTransition,
  InvalidTransition,
  isFinal,
  SUBMISSION_STATUSES,
  SubmissionStatus,
} from './submission-states';

describe('submission state machine', () => {
  const allowed: [SubmissionStatus, SubmissionStatus][] = [
    ['received', 'scoring'],
    ['received', 'expired'],
    ['scoring', 'approved'],
    ['scoring', 'rejected'],
    ['scoring', 'ai_review'],
    ['scoring', 'human_review'],
    ['ai_review', 'approved'],
    ['ai_review', 'rejected'],
    ['ai_review', 'human_review'],
    ['human_review', 'approved'],
    ['human_review', 'rejected'],
    ['human_review', 'expired'],
    ['ai_review', 'expired'],
    ['scoring', 'expired'],
  ];

  it.each(
    SUBMISSION_STATUSES.flatMap((from) => SUBMISSION_STATUSES.map((to) => [from, to] as const)),
  )('%s → %s follows the table', (from, to) => {
    const expected = allowed.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(expected);
  });

  it.each(['approved', 'rejected', 'expired'] as const)(
    '%s is final and leads nowhere',
    (status) => {
      expect(isFinal(status)).toBe(true);
      for (const to of SUBMISSION_STATUSES) expect(canTransition(status, to)).toBe(false);
    },
  );

  it('accepts a multi-step path whose every step is allowed', () => {
    expect(() => assertPath(['received', 'scoring', 'approved'])).not.toThrow();
  });

  it.each([
    [['received', 'approved']],
    [['approved', 'rejected']],
    [['received', 'scoring', 'approved', 'rejected']],
    [['received', 'nonsense']],
    [['received']],
    [[]],
  ])('refuses %j', (path) => {
    expect(() => assertPath(path)).toThrow(InvalidTransition);
  });
});
