import { withField } from './policy.fixtures';
import { validatePolicy } from './policy.validator';

describe('validatePolicy: semantic checks', () => {
  it.each([
    // thresholds
    [
      'autoApprove above 1',
      'thresholds.autoApprove',
      1.01,
      'thresholds.autoApprove',
      /between 0 and 1/,
    ],
    ['aiReview below 0', 'thresholds.aiReview', -0.1, 'thresholds.aiReview', /between 0 and 1/],
    [
      'aiReview above autoApprove',
      'thresholds.aiReview',
      0.95,
      'thresholds.aiReview',
      /not be above thresholds.autoApprove/,
    ],
    // names that become BullMQ queue names
    ['pipeline with capitals', 'pipeline', 'Claims', 'pipeline', /lowercase letters/],
    ['pipeline with a dot', 'pipeline', 'claims.th', 'pipeline', /lowercase letters/],
    ['pipeline starting with "-"', 'pipeline', '-claims', 'pipeline', /lowercase letters/],
    ['pipeline of 64 characters', 'pipeline', 'a'.repeat(64), 'pipeline', /1-63/],
    ['queue with a space', 'review.queue', 'claims th', 'review.queue', /lowercase letters/],
    ['queue with a colon', 'review.queue', 'claims:th', 'review.queue', /lowercase letters/],
    [
      'escalateTo with "/"',
      'review.escalateTo',
      'claims/leads',
      'review.escalateTo',
      /lowercase letters/,
    ],
    [
      'escalateTo its own queue',
      'review.escalateTo',
      'claims-th',
      'review.escalateTo',
      /another queue/,
    ],
    [
      'onExpire escalate without escalateTo',
      'review.escalateTo',
      undefined,
      'review.escalateTo',
      /required when review.onExpire is "escalate"/,
    ],
    // durations
    ['sla garbage', 'review.sla', 'half an hour', 'review.sla', /is not a duration/],
    ['sla zero', 'review.sla', '0m', 'review.sla', /longer than zero/],
    ['ttl garbage', 'ttl', '24 hours', 'ttl', /is not a duration/],
    ['ttl over a year', 'ttl', '366d', 'ttl', /at most 365d/],
    [
      'retention garbage',
      'retention',
      { raw: 'thirty days' },
      'retention.raw',
      /is not a duration/,
    ],
    ['retention zero', 'retention', { raw: '0d' }, 'retention.raw', /longer than zero/],
    ['retention over ten years', 'retention', { raw: '3651d' }, 'retention.raw', /at most 3650d/],
    ['retention without raw', 'retention', {}, 'retention.raw', /required/],
    [
      'retention with an unknown key',
      'retention',
      { raw: '30d', text: '1d' },
      'retention.text',
      /not a known field/,
    ],
    // integers in range
    ['consensus 0', 'review.consensus', 0, 'review.consensus', /between 1 and 5/],
    ['consensus 6', 'review.consensus', 6, 'review.consensus', /between 1 and 5/],
    ['priority 0', 'review.priority', 0, 'review.priority', /between 1 and 2097151/],
    [
      'priority too large',
      'review.priority',
      2_097_152,
      'review.priority',
      /between 1 and 2097151/,
    ],
    [
      'rule priority 0',
      'review.priorityRules',
      [{ field: 'a', equals: 1, priority: 0 }],
      'review.priorityRules[0].priority',
      /between 1/,
    ],
    [
      'rule field with an empty segment',
      'review.priorityRules',
      [{ field: 'customer..tier', equals: 1, priority: 1 }],
      'review.priorityRules[0].field',
      /dotted path/,
    ],
    ['breaker window 0', 'breaker.window', 0, 'breaker.window', /between 1/],
    [
      'breaker minSamples above window',
      'breaker.minSamples',
      500,
      'breaker.minSamples',
      /not be above breaker.window/,
    ],
    [
      'recalibration without every',
      'recalibration',
      { autoApply: true },
      'recalibration.every',
      /is required/,
    ],
    [
      'recalibration every not a duration',
      'recalibration',
      { every: 'daily' },
      'recalibration.every',
      /./,
    ],
    [
      'recalibration target error 1',
      'recalibration',
      { every: '1d', targetError: 1 },
      'recalibration.targetError',
      /strictly between 0 and 1/,
    ],
    [
      'recalibration max step 0',
      'recalibration',
      { every: '1d', maxStep: 0 },
      'recalibration.maxStep',
      /above 0 and at most 1/,
    ],
    [
      'recalibration min verdicts 0',
      'recalibration',
      { every: '1d', minVerdicts: 0 },
      'recalibration.minVerdicts',
      /between 1/,
    ],
    // shares and probabilities
    ['qa share above 1', 'qa.sampleAutoApproved', 1.5, 'qa.sampleAutoApproved', /between 0 and 1/],
    [
      'rollout share negative',
      'rollout.autoApproveShare',
      -0.5,
      'rollout.autoApproveShare',
      /between 0 and 1/,
    ],
    [
      'override rate above 1',
      'breaker.maxOverrideRate',
      8,
      'breaker.maxOverrideRate',
      /between 0 and 1/,
    ],
    ['approveAt above 1', 'aiReview.approveAt', 90, 'aiReview.approveAt', /between 0 and 1/],
    ['negative budget', 'aiReview.dailyBudgetUsd', -1, 'aiReview.dailyBudgetUsd', /0 or more/],
    // providers
    [
      'blank provider',
      'aiReview.providers',
      ['embedded', '  '],
      'aiReview.providers[1]',
      /must not be blank/,
    ],
    [
      'repeated provider',
      'aiReview.providers',
      ['embedded', 'embedded'],
      'aiReview.providers[1]',
      /repeats "embedded"/,
    ],
    // signals
    [
      'negative weight',
      'signals',
      { grounding: { weight: -1 } },
      'signals.grounding.weight',
      /0 or more/,
    ],
  ])('%s', (_name, field, value, path, message) => {
    const result = validatePolicy(withField(field, value));
    expect(result.policy).toBeUndefined();
    expect(result.problems).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it.each([
    ['thresholds at the edges', 'thresholds', { autoApprove: 1, aiReview: 0 }],
    ['equal thresholds (no AI band)', 'thresholds', { autoApprove: 0.8, aiReview: 0.8 }],
    ['one-character queue', 'review.queue', 'q'],
    ['63-character pipeline', 'pipeline', 'a'.repeat(63)],
    ['digits-first name', 'review.queue', '9-lives'],
    ['compound sla', 'review.sla', '1h30m'],
    ['consensus 5', 'review.consensus', 5],
    ['zero weight', 'signals', { grounding: { weight: 0 } }],
    ['signal without weight', 'signals', { grounding: {} }],
    ['shares at the edges', 'qa', { sampleAutoApproved: 1 }],
    ['rollout 0', 'rollout', { autoApproveShare: 0 }],
    [
      'scheduled recalibration applied by itself',
      'recalibration',
      { every: '1d', autoApply: true, maxStep: 0.02, minVerdicts: 200, targetError: 0.03 },
    ],
    ['retention of 30 days', 'retention', { raw: '30d' }],
    ['retention of ten years', 'retention', { raw: '3650d' }],
    ['onExpire reject without escalateTo', 'review', { queue: 'q', onExpire: 'reject' }],
    ['no review section', 'review', undefined],
    ['no aiReview section', 'aiReview', undefined],
  ])('accepts %s', (_name, field, value) => {
    expect(validatePolicy(withField(field, value)).problems).toEqual([]);
  });

  it.each([
    ['matching key', 'claims-letters', []],
    [
      'other key',
      'claims',
      [
        {
          path: 'pipeline',
          message: expect.stringMatching(/must equal the pipeline key "claims"/),
        },
      ],
    ],
  ])('compares pipeline with pipelineKey: %s', (_name, pipelineKey, problems) => {
    expect(
      validatePolicy(withField('pipeline', 'claims-letters'), { pipelineKey }).problems,
    ).toEqual(problems);
  });

  it('does not repeat a type error as a range error', () => {
    expect(validatePolicy(withField('review.consensus', 'three')).problems).toHaveLength(1);
    expect(validatePolicy(withField('thresholds.aiReview', '0.99')).problems).toHaveLength(1);
  });
});
