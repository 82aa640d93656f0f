import { fullPolicy, withField } from './policy.fixtures';
import type { PolicyProblem, PolicyScoringSection } from './policy.types';
import { validatePolicy } from './policy.validator';

describe('validatePolicy: defaults', () => {
  const minimal = { pipeline: 'demo', thresholds: { autoApprove: 0.9, aiReview: 0.5 } };

  it('fills signals, validators and the review section', () => {
    expect(validatePolicy(minimal).policy).toEqual({
      ...minimal,
      signals: {},
      validators: [],
      review: { queue: 'demo', priority: 5, consensus: 1, onExpire: 'reject' },
    });
  });

  it('defaults onExpire to escalate when escalateTo is set', () => {
    expect(
      validatePolicy({ ...minimal, review: { queue: 'q', escalateTo: 'leads' } }).policy?.review,
    ).toEqual({
      queue: 'q',
      escalateTo: 'leads',
      priority: 5,
      consensus: 1,
      onExpire: 'escalate',
    });
  });

  it('keeps what was written', () => {
    const review = { queue: 'q', priority: 2, consensus: 3, onExpire: 'approve-with-flag' };
    expect(validatePolicy({ ...minimal, review }).policy?.review).toEqual(review);
  });
});

describe('validatePolicy: checkScoring', () => {
  it('hands the scoring section, with defaults, to the engine and reports its problems', () => {
    const seen: PolicyScoringSection[] = [];
    const checkScoring = (section: PolicyScoringSection): PolicyProblem[] => {
      seen.push(section);
      return [{ path: 'signals.grunding', message: 'is not a known signal' }];
    };
    const result = validatePolicy(fullPolicy(), { checkScoring });
    expect(result.policy).toBeUndefined();
    expect(result.problems).toEqual([
      { path: 'signals.grunding', message: 'is not a known signal' },
    ]);
    const doc = fullPolicy();
    expect(seen).toEqual([
      {
        signals: doc.signals,
        validators: doc.validators,
        schemas: doc.schemas,
        engine: doc.scoring,
      },
    ]);

    seen.length = 0;
    validatePolicy(
      { pipeline: 'demo', thresholds: { autoApprove: 0.9, aiReview: 0.5 } },
      { checkScoring },
    );
    expect(seen).toEqual([{ signals: {}, validators: [] }]);
  });

  it('is not asked when its part of the document is malformed', () => {
    const checkScoring = jest.fn(() => []);
    validatePolicy(withField('validators', [{ type: 'length' }]), { checkScoring });
    validatePolicy(withField('signals', 'all'), { checkScoring });
    expect(checkScoring).not.toHaveBeenCalled();
    validatePolicy(withField('review.queue', 'Bad Queue'), { checkScoring });
    expect(checkScoring).toHaveBeenCalledTimes(1);
  });

  it('turns an engine exception into a problem, not a crash', () => {
    const result = validatePolicy(fullPolicy(), {
      checkScoring: () => {
        throw new Error('boom');
      },
    });
    expect(result.problems).toEqual([
      { path: '', message: 'the scoring engine could not check this policy: boom' },
    ]);
  });

  it('passes a clean policy through', () => {
    expect(validatePolicy(fullPolicy(), { checkScoring: () => [] }).policy).toBeDefined();
  });
});
