/** A submission body that passes validation; override parts per test. */
export function submissionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pipeline: 'support',
    input: {
      prompt: 'What is the capital of France?',
      context: [{ id: 'd1', text: 'Paris is the capital and largest city of France.' }],
    },
    output: { text: 'The capital of France is Paris.' },
    model: { provider: 'openai', name: 'gpt-4o-mini' },
    ...overrides,
  };
}

/**
 * A policy whose route depends on thresholds alone (autoApprove 0: everything that passes the
 * gates is approved), so routing tests do not hang on the fitted model's exact confidence.
 */
export function policy(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    signals: { grounding: { weight: 1 } },
    validators: [],
    thresholds: { autoApprove: 0, aiReview: 0 },
    review: { queue: 'support', priority: 5, sla: '30m' },
    ...overrides,
  };
}

/** Thresholds no score reaches: every submission is routed to human review. */
export const ALWAYS_HUMAN = { thresholds: { autoApprove: 1, aiReview: 1 } };
