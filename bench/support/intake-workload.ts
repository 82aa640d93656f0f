/** The policy of the intake bench: every output is approved, after the real work. */
// Approval comes only after DTO validation, INSERT + event row, enqueue, load, the grounding
// signal and the length validator, and the conditional UPDATE + event rows of the transition.
export const BENCH_POLICY = `pipeline: bench
signals:
  grounding: { weight: 1 }
validators:
  - { type: length, max: 4000, onFail: flag }
thresholds: { autoApprove: 0, aiReview: 0 }
review: { queue: bench, priority: 5, sla: 1h }
`;

/**
 * The same pipeline with the self-checking loop on: 5 % of approvals audited (each one an audit
 * task), the breaker consulted under its share lock on every approval.
 */
export const BENCH_LOOP_POLICY = `${BENCH_POLICY.replace('pipeline: bench', 'pipeline: bench-loop')}qa: { sampleAutoApproved: 0.05 }
breaker: { maxOverrideRate: 0.1, window: 200, minSamples: 30 }
`;

const context =
  'Refunds are issued within 14 days of the return being received. ' +
  'Items must be unused and in their original packaging. ';

/** A ~1.1 KB submission: a prompt, one context document, an answer, model and metadata. */
export const BENCH_BODY = {
  pipeline: 'bench',
  input: {
    prompt: 'How long do refunds take, and what is refunded?',
    context: [{ id: 'kb-12', text: context.repeat(6) }],
  },
  output: {
    text:
      'Refunds are issued within 14 days of the return being received, ' +
      'for unused items in their original packaging.',
  },
  model: { provider: 'openai', name: 'gpt-4o-mini', version: '2024-07-18' },
  promptVersion: 'refunds-v3',
  metadata: { customer: { tier: 'gold' }, channel: 'chat' },
};
