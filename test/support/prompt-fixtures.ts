/** A prompt version in English and Malay: a support answer from a customer's question and its context. */
export function supportPrompt(
  overrides: Record<string, unknown> = {},
  english = 'Answer {{customer}} politely, using only the context.',
): Record<string, unknown> {
  return {
    description: 'Answers a support question from its context',
    template: {
      defaultLanguage: 'en',
      variants: {
        en: [
          { role: 'system', content: `You are a support agent. ${english}` },
          {
            role: 'user',
            content: '{{question}}{{#context}}\n\nContext:\n{{context}}{{/context}}',
          },
        ],
        ms: [
          {
            role: 'system',
            content:
              'Anda ejen sokongan. Jawab {{customer}} dengan sopan, hanya berdasarkan konteks.',
          },
          {
            role: 'user',
            content: '{{question}}{{#context}}\n\nKonteks:\n{{context}}{{/context}}',
          },
        ],
      },
    },
    variables: {
      type: 'object',
      properties: {
        customer: { type: 'string' },
        question: { type: 'string' },
        context: { type: 'string' },
      },
      required: ['customer', 'question'],
    },
    model: { provider: 'gen', model: 'fake-gen', temperature: 0.2, maxTokens: 200 },
    notes: 'first cut',
    ...overrides,
  };
}
