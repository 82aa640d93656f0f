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
