import {
  arrayOf,
  dateTime,
  enumOf,
  integer,
  mapOf,
  nullable,
  number,
  objectOf,
  ref,
  Schema,
  SchemaObject,
  string,
  uuid,
} from './schema';

/** An object schema of oversight figures (their types live in libs/oversight, not in the contracts). */
const figures = (properties: Record<string, Schema>, description?: string): SchemaObject =>
  objectOf<Record<string, unknown>>(properties, [], description ? { description } : {});

const estimate = {
  audits: integer({ minimum: 0 }),
  overturned: integer({ minimum: 0 }),
  errorRate: nullable(
    number({
      minimum: 0,
      maximum: 1,
      description: 'Weighted by 1 / sampling rate; null without audits',
    }),
  ),
  upperBound: number({
    minimum: 0,
    maximum: 1,
    description: 'One-sided Clopper-Pearson bound at 1 - delta',
  }),
  effectiveAudits: number({ minimum: 0, description: "Kish's effective sample size" }),
  delta: number(),
};

/** Schemas of a pipeline's self-checking loop (/v1/pipelines/:key/oversight, /breaker). */
export const OVERSIGHT_SCHEMAS: Record<string, SchemaObject> = {
  EscapedErrorEstimate: figures(estimate, 'The error rate among automatic approvals, from audits'),
  EstimateGroup: figures({ key: nullable(string()), ...estimate }),
  Breaker: figures({
    state: enumOf(['closed', 'open', 'half_open']),
    since: nullable(dateTime),
    forced: nullable(
      figures({
        state: enumOf(['open', 'closed']),
        reason: string(),
        by: string(),
        at: integer({ description: 'ms since the epoch' }),
      }),
    ),
    settings: nullable(
      figures({
        maxOverrideRate: number(),
        window: integer(),
        minSamples: integer(),
        coolDownMs: integer(),
        halfOpenShare: number(),
        halfOpenAudits: integer(),
        maxGateFailureJump: nullable(number({ description: 'null: no trip on that jump' })),
        maxAiFaultJump: nullable(number({ description: 'null: no trip on that jump' })),
        jumpWindowMs: integer(),
        minRouted: integer(),
      }),
    ),
  }),
  OversightView: figures({
    breaker: ref('Breaker'),
    escapedErrors: figures({
      overall: ref('EscapedErrorEstimate'),
      byPolicyVersion: arrayOf(ref('EstimateGroup')),
      byModelVersion: arrayOf(ref('EstimateGroup')),
      byPromptVersion: arrayOf(ref('EstimateGroup')),
    }),
    rollout: nullable(
      figures({
        step: integer({ minimum: 0 }),
        share: number({ minimum: 0, maximum: 1 }),
        steps: arrayOf(number({ minimum: 0, maximum: 1 })),
        minAudits: integer({ minimum: 1 }),
        targetError: number({ minimum: 0, maximum: 1 }),
        since: nullable(dateTime),
      }),
    ),
    history: arrayOf(
      figures({
        id: string(),
        kind: enumOf(['breaker', 'rollout', 'recalibration']),
        fromState: nullable(string()),
        toState: nullable(string()),
        cause: string(),
        figures: mapOf(number()),
        message: string(),
        actor: string(),
        createdAt: dateTime,
      }),
    ),
  }),
  RecalibrationView: figures({
    targetError: number(),
    delta: number(),
    verdicts: figures({ reviewed: integer({ minimum: 0 }), audited: integer({ minimum: 0 }) }),
    currentAutoApprove: nullable(number()),
    proposal: {
      description:
        'A threshold with its figures, or threshold null and the reason none fits the target',
      oneOf: [
        figures({
          threshold: number(),
          approvedShare: number(),
          errorRate: number(),
          upperBound: number(),
          effectiveVerdicts: number(),
        }),
        figures({ threshold: nullable(number({ enum: [null] })), reason: string() }),
      ],
    },
    reliability: arrayOf(
      figures({
        from: number(),
        to: number(),
        meanConfidence: number(),
        observedAcceptable: number(),
        verdicts: integer({ minimum: 0 }),
      }),
    ),
  }),
  CalibrationRefitView: figures({
    targetError: number(),
    delta: number(),
    verdicts: figures({ reviewed: integer({ minimum: 0 }), audited: integer({ minimum: 0 }) }),
    current: figures({
      calibration: ref('CalibrationMap'),
      autoApprove: nullable(number()),
      aiReview: nullable(number()),
    }),
    proposal: {
      description:
        'A refitted Platt map with its figures, or calibration null and the reason none is proposed',
      oneOf: [
        objectOf<{
          calibration: unknown;
          effectiveVerdicts: unknown;
          fit: unknown;
          reliability: unknown;
          threshold: unknown;
          carried?: unknown;
        }>(
          {
            calibration: ref('CalibrationMap'),
            effectiveVerdicts: number({ minimum: 0 }),
            fit: figures({ before: ref('CalibrationFigures'), after: ref('CalibrationFigures') }),
            reliability: figures({
              before: arrayOf(ref('ReliabilityBin')),
              after: arrayOf(ref('ReliabilityBin')),
            }),
            threshold: ref('ThresholdProposal'),
            carried: figures(
              { autoApprove: number(), aiReview: number() },
              'The current thresholds on the new scale: the same outputs approved',
            ),
          },
          ['carried'],
        ),
        figures({
          calibration: nullable(number({ enum: [null] })),
          reason: string(),
          reliability: figures({ before: arrayOf(ref('ReliabilityBin')) }),
        }),
      ],
    },
  }),
  CalibrationMap: {
    description:
      'p = 1 / (1 + exp(a·z + b)) on the logit z of the model confidence, or the identity',
    oneOf: [
      figures({ method: enumOf(['platt']), a: number(), b: number() }),
      figures({ method: enumOf(['identity']) }),
    ],
  },
  CalibrationFigures: figures({
    logLoss: number({ minimum: 0 }),
    brier: number({ minimum: 0 }),
    ece: number({ minimum: 0 }),
  }),
  ReliabilityBin: figures({
    from: number(),
    to: number(),
    meanConfidence: number(),
    observedAcceptable: number(),
    verdicts: integer({ minimum: 0 }),
  }),
  ThresholdProposal: {
    description:
      'A threshold with its figures, or threshold null and the reason none fits the target',
    oneOf: [
      figures({
        threshold: number(),
        approvedShare: number(),
        errorRate: number(),
        upperBound: number(),
        effectiveVerdicts: number(),
      }),
      figures({ threshold: nullable(number({ enum: [null] })), reason: string() }),
    ],
  },
  RecalibrationApplied: figures({
    version: integer({ minimum: 1 }),
    pipeline: ref('PipelineView'),
  }),
  AlertList: figures({
    alerts: arrayOf(
      figures({
        id: uuid,
        key: string(),
        pipelineId: nullable(uuid),
        kind: string(),
        severity: enumOf(['warning', 'critical']),
        status: enumOf(['firing', 'resolved']),
        message: string(),
        figures: mapOf(number()),
        firedAt: dateTime,
        resolvedAt: nullable(dateTime),
        resolveMessage: nullable(string()),
      }),
    ),
  }),
};
