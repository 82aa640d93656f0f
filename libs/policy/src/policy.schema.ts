import type { SchemaObject } from 'ajv';

/**
 * Pipeline keys and queue names: they become BullMQ queue names (`review.<queue>`), Redis keys
 * and URL segments, so only lowercase letters, digits and "-".
 */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** review.guidelines: a page of instructions, not a manual (it travels with every task view). */
export const MAX_GUIDELINES = 20_000;

const NAME_HINT = 'a name of lowercase letters, digits and "-"';
const DURATION_HINT = 'a duration such as "30s", "30m", "2h", "1d" or "1h30m"';

const text = (maxLength: number, description?: string): SchemaObject => ({
  type: 'string',
  minLength: 1,
  maxLength,
  ...(description ? { description } : {}),
});
const list = (items: SchemaObject, maxItems: number): SchemaObject => ({
  type: 'array',
  maxItems,
  items,
});
const section = (
  properties: Record<string, SchemaObject>,
  required: string[] = [],
): SchemaObject => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const num: SchemaObject = { type: 'number' };
const int: SchemaObject = { type: 'integer' };
const duration = text(40, DURATION_HINT);

/**
 * Structure only: types, required fields, known keys, size caps. Ranges, name patterns,
 * durations and cross-field rules live in policy-semantics.checker.ts, with plainer messages.
 * Fixed sections refuse unknown keys so a typo ("autoAprove") is an error, not a silent default;
 * signal and validator entries take free options, which the scoring engine checks.
 */
export const POLICY_SCHEMA: SchemaObject = {
  ...section(
    {
      pipeline: text(200, NAME_HINT),
      description: { type: 'string', maxLength: 2000 },
      signals: {
        type: 'object',
        maxProperties: 50,
        additionalProperties: { type: 'object', properties: { weight: num } },
      },
      validators: list(
        {
          type: 'object',
          required: ['type', 'onFail'],
          properties: {
            type: text(100),
            onFail: { type: 'string', enum: ['reject', 'human', 'flag'] },
          },
        },
        100,
      ),
      schemas: {
        type: 'object',
        maxProperties: 100,
        additionalProperties: { type: ['object', 'boolean'] },
      },
      scoring: { type: 'object' },
      thresholds: section({ autoApprove: num, aiReview: num }, ['autoApprove', 'aiReview']),
      aiReview: section(
        {
          providers: { ...list(text(100), 10), minItems: 1 },
          regions: list(text(100), 50),
          redactPii: { type: 'boolean' },
          dailyBudgetUsd: num,
          approveAt: num,
          onReject: { type: 'string', enum: ['reject', 'human'] },
          promptVersion: text(200),
        },
        ['providers'],
      ),
      review: section({
        queue: text(200, NAME_HINT),
        priority: int,
        priorityRules: list(
          section(
            {
              field: text(200),
              equals: { type: ['string', 'number', 'boolean'] },
              priority: int,
            },
            ['field', 'equals', 'priority'],
          ),
          50,
        ),
        sla: duration,
        consensus: int,
        onExpire: { type: 'string', enum: ['escalate', 'reject', 'approve-with-flag'] },
        escalateTo: text(200, NAME_HINT),
        reasonCodes: list(text(100), 200),
        skills: list(text(3, 'a language code, e.g. th'), 50),
        skillFallback: duration,
        undoWindow: duration,
        guidelines: text(MAX_GUIDELINES, 'text (plain or markdown) for the reviewers'),
      }),
      qa: section({
        sampleAutoApproved: num,
        sampleAiApproved: num,
        sampleWhileBreakerOpen: num,
        queue: text(200, NAME_HINT),
        priority: int,
        delta: num,
      }),
      breaker: section({
        maxOverrideRate: num,
        window: int,
        minSamples: int,
        coolDown: duration,
        halfOpenShare: num,
        halfOpenAudits: int,
        maxGateFailureJump: num,
        maxAiFaultJump: num,
        jumpWindow: duration,
        minRouted: int,
      }),
      rollout: section({
        autoApproveShare: num,
        steps: list(num, 20),
        minAudits: int,
        targetError: num,
      }),
      recalibration: section({
        every: duration,
        targetError: num,
        autoApply: { type: 'boolean' },
        maxStep: num,
        minVerdicts: int,
        refitCalibration: { type: 'boolean' },
      }),
      alerts: section({ webhookUrl: text(2000), slackUrl: text(2000) }),
      ttl: duration,
      retention: section({ raw: duration }, ['raw']),
    },
    ['pipeline', 'thresholds'],
  ),
};
