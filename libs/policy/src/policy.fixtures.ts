/** A complete, valid policy document (the example of docs/policy.md) for tests to break one field at a time. */
export function fullPolicy(): Record<string, unknown> {
  return {
    pipeline: 'claims-letters',
    description: 'Claims letters',
    signals: { grounding: { weight: 3 }, selfConsistency: { weight: 2 }, logprob: { weight: 1 } },
    validators: [
      { type: 'jsonSchema', schema: { $ref: '#/schemas/letter' }, onFail: 'reject' },
      {
        type: 'phrases',
        deny: ['fraudulent claim'],
        suggest: 'claim not covered by policy',
        onFail: 'human',
      },
      { type: 'length', max: 2000, onFail: 'flag' },
    ],
    schemas: { letter: { type: 'object' } },
    scoring: { calibration: 'platt' },
    thresholds: { autoApprove: 0.92, aiReview: 0.6 },
    aiReview: {
      providers: ['regional-llm', 'embedded'],
      regions: ['ap-southeast-1'],
      redactPii: true,
      dailyBudgetUsd: 50,
      approveAt: 0.9,
      onReject: 'human',
      promptVersion: 'v1',
    },
    review: {
      queue: 'claims-th',
      priority: 3,
      priorityRules: [{ field: 'customer.tier', equals: 'gold', priority: 1 }],
      sla: '30m',
      consensus: 1,
      onExpire: 'escalate',
      escalateTo: 'claims-leads',
      reasonCodes: ['wrong-facts', 'tone'],
    },
    qa: { sampleAutoApproved: 0.05 },
    breaker: { maxOverrideRate: 0.08, window: 200, minSamples: 25 },
    rollout: { autoApproveShare: 0.25 },
    ttl: '24h',
  };
}

/** A copy of fullPolicy with `value` written at a dotted path (undefined deletes the field). */
export function withField(path: string, value: unknown): Record<string, unknown> {
  const doc = fullPolicy();
  const keys = path.split('.');
  let target = doc as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return doc;
}
