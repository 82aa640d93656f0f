import {
  arrayOf,
  boolean,
  dateTime,
  enumOf,
  freeObject,
  integer,
  mapOf,
  nullable,
  number,
  ref,
  SchemaObject,
  string,
  uuid,
} from './schema';

/** An object schema whose listed properties are all present (prompts' views are plain data). */
const object = (
  properties: Record<string, SchemaObject | ReturnType<typeof ref>>,
  description?: string,
): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  ...(description ? { description } : {}),
});

const share = nullable(number({ minimum: 0, maximum: 1 }));
const message = object({ role: enumOf(['system', 'user', 'assistant']), content: string() });
const diffSection = (name: string) =>
  object({
    [name]: string(),
    change: enumOf(['added', 'removed', 'changed', 'same']),
    diff: nullable(string()),
  });

/** Schemas of the prompt registry (/v1/prompts). */
export const PROMPT_SCHEMAS: Record<string, SchemaObject> = {
  PromptList: object({
    prompts: arrayOf(object({ key: string(), description: nullable(string()) })),
  }),
  PromptView: object({
    key: string(),
    description: nullable(string()),
    labels: mapOf(
      object({
        version: integer({ minimum: 1 }),
        versionId: uuid,
        previousVersionId: nullable(uuid),
        updatedAt: dateTime,
      }),
    ),
    split: nullable(
      object({ a: string(), b: string(), percent: integer({ minimum: 0, maximum: 100 }) }),
    ),
    rollback: object({
      maxRejectRateIncrease: number(),
      maxAuditedErrorIncrease: number(),
      minSamples: integer(),
      minAudits: integer(),
      target: enumOf(['previous', 'fallback']),
    }),
    versions: arrayOf(
      object({
        id: uuid,
        version: integer({ minimum: 1 }),
        languages: arrayOf(string()),
        author: string(),
        source: string(),
        notes: nullable(string()),
        createdAt: dateTime,
      }),
    ),
  }),
  PromptVersionView: object({
    prompt: string(),
    id: uuid,
    version: integer({ minimum: 1 }),
    template: object({
      defaultLanguage: string(),
      variants: mapOf(arrayOf(message)),
      partials: mapOf(string()),
    }),
    variables: freeObject('JSON Schema of the variables'),
    model: freeObject('provider, model, temperature, maxTokens, fallbackProviders'),
    notes: nullable(string()),
    author: string(),
    source: string(),
    createdAt: dateTime,
  }),
  PromptPutResult: object({
    created: boolean,
    version: ref('PromptVersionView'),
    prompt: ref('PromptView'),
  }),
  PromptDiff: object({
    from: integer(),
    to: integer(),
    variants: arrayOf(diffSection('language')),
    partials: arrayOf(diffSection('name')),
    variables: object({ changed: boolean, diff: nullable(string()) }),
    model: object({ changed: boolean, from: freeObject(), to: freeObject() }),
    notes: object({ from: nullable(string()), to: nullable(string()) }),
  }),
  PromptQuality: object({
    prompt: string(),
    versions: arrayOf(
      object({
        versionId: uuid,
        version: integer(),
        labels: arrayOf(string()),
        submissions: integer({ minimum: 0 }),
        decided: integer({ minimum: 0 }),
        automationRate: share,
        humanDecided: integer({ minimum: 0 }),
        humanRejectRate: share,
        auditedError: ref('EscapedErrorEstimate'),
        confidence: object({
          mean: share,
          p10: share,
          p50: share,
          p90: share,
          histogram: arrayOf(integer({ minimum: 0 })),
        }),
      }),
    ),
    abTest: nullable(
      object({
        a: object({ ref: string(), versionId: nullable(uuid) }),
        b: object({ ref: string(), versionId: nullable(uuid) }),
        pValue: share,
        z: nullable(number()),
        suggestedWinner: nullable(enumOf(['a', 'b'])),
      }),
    ),
  }),
  PromptHistory: object({
    events: arrayOf(
      object({
        id: string(),
        kind: enumOf(['version_created', 'label_moved', 'split_set', 'rolled_back']),
        label: nullable(string()),
        fromVersionId: nullable(uuid),
        toVersionId: nullable(uuid),
        cause: string(),
        figures: mapOf(number()),
        actor: string(),
        createdAt: dateTime,
      }),
    ),
  }),
  ResolvedPrompt: object({
    prompt: string(),
    versionId: uuid,
    version: integer({ minimum: 1 }),
    label: nullable(string()),
    arm: nullable(enumOf(['a', 'b'])),
    fallback: boolean,
    language: string(),
    languageFallback: boolean,
    messages: arrayOf(message),
    model: freeObject("The version's model settings"),
  }),
};
