import type { Policy } from './policy.types';
import { reviewPriority } from './review-priority.resolver';

const policy = (review: Partial<Policy['review']>): Policy => ({
  pipeline: 'p',
  signals: {},
  validators: [],
  thresholds: { autoApprove: 0.9, aiReview: 0.5 },
  review: { queue: 'q', ...review },
});

const rules = [
  { field: 'customer.tier', equals: 'gold', priority: 1 },
  { field: 'vip', equals: true, priority: 2 },
  { field: 'customer.tier', equals: 'silver', priority: 3 },
  { field: 'region', equals: 7, priority: 4 },
];

describe('reviewPriority', () => {
  it.each([
    ['no metadata', undefined, 5],
    ['empty metadata', {}, 5],
    ['nested match', { customer: { tier: 'gold' } }, 1],
    ['first match wins', { customer: { tier: 'silver' }, vip: true }, 2],
    ['later rule', { customer: { tier: 'silver' } }, 3],
    ['number match', { region: 7 }, 4],
    ['strict equality: "7" is not 7', { region: '7' }, 5],
    ['strict equality: "true" is not true', { vip: 'true' }, 5],
    ['path through a non-object', { customer: 'gold' }, 5],
    ['path through null', { customer: null }, 5],
    ['no match', { customer: { tier: 'bronze' } }, 5],
  ])('%s', (_name, metadata, expected) => {
    expect(reviewPriority(policy({ priority: 5, priorityRules: rules }), metadata)).toBe(expected);
  });

  it('uses review.priority, else 5', () => {
    expect(reviewPriority(policy({ priority: 2 }), { a: 1 })).toBe(2);
    expect(reviewPriority(policy({}), undefined)).toBe(5);
  });

  it('never reads inherited properties', () => {
    const p = policy({
      priorityRules: [{ field: 'constructor.name', equals: 'Object', priority: 1 }],
    });
    expect(reviewPriority(p, {})).toBe(5);
  });
});
