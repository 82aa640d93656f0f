import { fullPolicy, withField } from './policy.fixtures';
import { validatePolicy } from './policy.validator';

describe('validatePolicy: structure', () => {
  it('accepts the complete example policy unchanged', () => {
    const result = validatePolicy(fullPolicy());
    expect(result.problems).toEqual([]);
    expect(result.policy).toEqual(fullPolicy());
  });

  it.each([
    ['not an object', 'x', ''],
    ['a list', [], ''],
    ['null', null, ''],
  ])('refuses a document that is %s', (_name, document, path) => {
    const result = validatePolicy(document);
    expect(result.policy).toBeUndefined();
    expect(result.problems).toEqual([{ path, message: expect.stringMatching(/must be a map/) }]);
  });

  it.each([
    ['unknown top-level key', withField('tresholds', 1), 'tresholds', /not a known field/],
    [
      'unknown key, suggestion',
      withField('thresholds.autoAprove', 0.9),
      'thresholds.autoAprove',
      /did you mean "autoApprove"/,
    ],
    ['unknown key in review', withField('review.sla2', '1h'), 'review.sla2', /not a known field/],
    [
      'unknown key in a priority rule',
      withField('review.priorityRules', [{ field: 'a', equals: 1, priority: 1, x: 1 }]),
      'review.priorityRules[0].x',
      /not a known field/,
    ],
    ['missing pipeline', withField('pipeline', undefined), 'pipeline', /^is required$/],
    ['missing thresholds', withField('thresholds', undefined), 'thresholds', /^is required$/],
    [
      'missing threshold',
      withField('thresholds.aiReview', undefined),
      'thresholds.aiReview',
      /^is required$/,
    ],
    ['missing providers', withField('aiReview', {}), 'aiReview.providers', /^is required$/],
    [
      'empty providers',
      withField('aiReview.providers', []),
      'aiReview.providers',
      /must not be empty/,
    ],
    [
      'provider not a string',
      withField('aiReview.providers', ['a', 7]),
      'aiReview.providers[1]',
      /must be a string/,
    ],
    [
      'empty provider',
      withField('aiReview.providers', ['']),
      'aiReview.providers[0]',
      /must not be empty/,
    ],
    [
      'threshold as a string',
      withField('thresholds.autoApprove', '0.9'),
      'thresholds.autoApprove',
      /must be a number \(got string "0.9"\)/,
    ],
    [
      'threshold NaN (YAML .nan)',
      withField('thresholds.autoApprove', NaN),
      'thresholds.autoApprove',
      /finite number/,
    ],
    [
      'signal weight Infinity',
      withField('signals', { grounding: { weight: Infinity } }),
      'signals.grounding.weight',
      /finite number/,
    ],
    [
      'signals as a list',
      withField('signals', ['grounding']),
      'signals',
      /must be a map of fields \(got a list\)/,
    ],
    [
      'signal config null',
      withField('signals', { grounding: null }),
      'signals.grounding',
      /must be a map of fields \(got null\)/,
    ],
    [
      'validators as a map',
      withField('validators', { type: 'length' }),
      'validators',
      /must be a list/,
    ],
    [
      'validator not an object',
      withField('validators', ['length']),
      'validators[0]',
      /must be a map/,
    ],
    [
      'validator without type',
      withField('validators', [{ onFail: 'flag' }]),
      'validators[0].type',
      /^is required$/,
    ],
    [
      'validator without onFail',
      withField('validators', [{ type: 'length' }]),
      'validators[0].onFail',
      /^is required$/,
    ],
    [
      'validator bad onFail',
      withField('validators', [
        { type: 'a', onFail: 'x' },
        { type: 'b', onFail: 'flag' },
        { type: 'c', onFail: 'drop' },
      ]),
      'validators[2].onFail',
      /must be one of "reject", "human", "flag" \(got "drop"\)/,
    ],
    [
      'validator onFail wrong type',
      withField('validators', [{ type: 'a', onFail: 1 }]),
      'validators[0].onFail',
      /must be a string/,
    ],
    [
      'validator empty type',
      withField('validators', [{ type: '', onFail: 'flag' }]),
      'validators[0].type',
      /must not be empty/,
    ],
    [
      'priority not integer',
      withField('review.priority', 2.5),
      'review.priority',
      /must be a whole number/,
    ],
    [
      'consensus as a string',
      withField('review.consensus', '2'),
      'review.consensus',
      /must be a whole number/,
    ],
    [
      'onExpire bad',
      withField('review.onExpire', 'ignore'),
      'review.onExpire',
      /must be one of "escalate", "reject", "approve-with-flag"/,
    ],
    [
      'sla as a number',
      withField('review.sla', 30),
      'review.sla',
      /must be a duration such as "30s"/,
    ],
    [
      'pipeline as a number',
      withField('pipeline', 7),
      'pipeline',
      /must be a name of lowercase letters/,
    ],
    [
      'redactPii as a string',
      withField('aiReview.redactPii', 'yes'),
      'aiReview.redactPii',
      /must be true or false/,
    ],
    [
      'rule equals an object',
      withField('review.priorityRules', [{ field: 'a', equals: {}, priority: 1 }]),
      'review.priorityRules[0].equals',
      /must be a string, a number or true or false/,
    ],
    [
      'schemas entry a string',
      withField('schemas', { letter: 'x' }),
      'schemas.letter',
      /must be a map of fields or true or false/,
    ],
    [
      'too many validators',
      withField('validators', Array(101).fill({ type: 'length', onFail: 'flag' })),
      'validators',
      /at most 100 items/,
    ],
    [
      'description too long',
      withField('description', 'x'.repeat(2001)),
      'description',
      /at most 2000 characters/,
    ],
    [
      'odd signal name is quoted in the path',
      withField('signals', { 'my signal': { weight: 'x' } }),
      'signals["my signal"].weight',
      /must be a number/,
    ],
  ])('%s', (_name, document, path, message) => {
    const result = validatePolicy(document);
    expect(result.policy).toBeUndefined();
    expect(result.problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every problem at once, one per mistake', () => {
    const doc = {
      pipeline: 'Bad Key',
      extra: 1,
      thresholds: { autoApprove: 'high', aiReview: 2 },
      validators: [{ type: 'x', onFail: 7 }],
    };
    const paths = validatePolicy(doc).problems.map((p) => p.path);
    expect(paths.sort()).toEqual([
      'extra',
      'pipeline',
      'thresholds.aiReview',
      'thresholds.autoApprove',
      'validators[0].onFail',
    ]);
  });

  it('does not change the document it is given', () => {
    const doc = withField('review', undefined);
    const copy = structuredClone(doc);
    const result = validatePolicy(doc);
    expect(doc).toEqual(copy);
    result.policy!.signals.grounding.weight = 99;
    expect(doc).toEqual(copy);
  });
});
