/** Caps on every string and array of the v1 contract; the body cap itself is configuration. */
export const LIMITS = {
  pipelineKey: 63,
  externalId: 200,
  prompt: 100_000,
  contextDocuments: 50,
  contextId: 200,
  contextText: 200_000,
  language: 16,
  outputText: 200_000,
  samples: 20,
  sampleText: 200_000,
  logprobs: 100_000,
  modelField: 200,
  promptVersion: 100,
  callbackUrl: 2000,
  idempotencyKey: 200,
  email: 320,
  password: 200,
  /** The highest policy or prompt version number: PostgreSQL's int holds it, with room. */
  versionNumber: 1_000_000_000,
} as const;
