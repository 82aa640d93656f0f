import type { ErrorBody } from '../problem';
import type { GateFinding, GateResult, SignalResult, Span } from '../review-view';
import type {
  AcceptedSubmission,
  ErasureResult,
  DecisionView,
  SubmissionView,
  TimelineEntry,
} from '../submission-view';
import {
  arrayOf,
  dateTime,
  enumOf,
  freeObject,
  integer,
  nullable,
  number,
  objectOf,
  ref,
  SchemaObject,
  string,
  uuid,
} from './schema';

const STATUSES = [
  'received',
  'scoring',
  'approved',
  'rejected',
  'ai_review',
  'human_review',
  'expired',
];

const output = objectOf<{ text?: string; json?: unknown }>(
  { text: string(), json: { description: 'A structured output' } },
  ['text', 'json'],
);

export const reason = objectOf<{ code: string; message: string }>({
  code: string(),
  message: string(),
});

/** Schemas of submissions and of the error body every 4xx and 5xx shares. */
export const SUBMISSION_SCHEMAS: Record<string, SchemaObject> = {
  Problem: objectOf<ErrorBody>(
    {
      statusCode: integer({ minimum: 400, maximum: 599 }),
      error: string({
        description:
          'The status text, e.g. "Bad Request"; an OAuth 2.0 error code where an identity provider is the caller (`invalid_request`)',
      }),
      message: string(),
      code: string({
        description: "Fastify's error code, when the HTTP server refused the request itself",
      }),
      error_description: string({
        description: 'The OAuth 2.0 error description, with an OAuth 2.0 error code in `error`',
      }),
      problems: arrayOf(
        objectOf<{ path: string; message: string }>({ path: string(), message: string() }),
        {
          description: 'Each bad field, when the refusal is about fields',
        },
      ),
    },
    ['problems', 'code', 'error_description'],
    {
      description: 'The error body of every 4xx and 5xx',
      example: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'pipeline must be a pipeline key (a-z, 0-9, -; at most 63)',
        problems: [
          {
            path: 'pipeline',
            message: 'pipeline must be a pipeline key (a-z, 0-9, -; at most 63)',
          },
        ],
      },
    },
  ),
  SubmissionStatus: enumOf(STATUSES),
  ErasureResult: objectOf<ErasureResult>(
    {
      erased: integer({
        minimum: 0,
        description: 'Submissions whose text this request erased (0: none, or already erased)',
      }),
    },
    [],
    { example: { erased: 2 } },
  ),
  AcceptedSubmission: objectOf<AcceptedSubmission>(
    { id: uuid, status: ref('SubmissionStatus') },
    [],
    { example: { id: 'f95b4d4f-8c39-4a55-a1fe-0c4c2e6b8f11', status: 'received' } },
  ),
  Span: objectOf<Span>({ start: integer(), end: integer(), path: string(), text: string() }, [
    'start',
    'end',
    'path',
    'text',
  ]),
  GateFinding: objectOf<GateFinding>(
    { code: string(), message: string(), spans: arrayOf(ref('Span')), suggestion: string() },
    ['spans', 'suggestion'],
  ),
  GateResult: objectOf<GateResult>({
    type: string(),
    passed: { type: 'boolean' },
    onFail: enumOf(['reject', 'human', 'flag']),
    findings: arrayOf(ref('GateFinding')),
  }),
  SignalResult: objectOf<SignalResult>({
    name: string(),
    score: nullable(number()),
    missing: { type: 'boolean' },
    weight: number(),
    contribution: number(),
    evidence: { description: 'What the signal saw (shape per signal)', nullable: true },
  }),
  Decision: objectOf<DecisionView>(
    {
      outcome: nullable(enumOf(['approved', 'rejected', 'expired'])),
      route: string({
        description: 'For a routed, undecided submission: ai_review or human_review',
      }),
      decidedBy: enumOf(['policy', 'auto', 'ai', 'human']),
      reasons: arrayOf(reason),
      flags: arrayOf(string()),
      finalOutput: output,
      qaSample: {
        type: 'boolean',
        description: 'An auto-approval also sampled for a human QA audit',
      },
      qaSampleRate: number({
        minimum: 0,
        maximum: 1,
        description: 'The audit sampling rate it was drawn at',
      }),
      aiReview: nullable(freeObject("The AI reviewer's verdict, when one was asked")),
      reviewers: arrayOf(string(), { description: 'Who decided, for a human decision' }),
      edited: { type: 'boolean' },
      originalOutput: output,
    },
    [
      'route',
      'decidedBy',
      'flags',
      'finalOutput',
      'qaSample',
      'qaSampleRate',
      'aiReview',
      'reviewers',
      'edited',
      'originalOutput',
    ],
  ),
  TimelineEntry: objectOf<TimelineEntry>({
    at: dateTime,
    type: string({ example: 'submission.transition' }),
    from: nullable(string()),
    to: nullable(string()),
    actor: string(),
    data: nullable(freeObject()),
  }),
  SubmissionView: objectOf<SubmissionView>({
    id: uuid,
    externalId: nullable(string()),
    pipeline: string(),
    policyVersion: integer(),
    status: ref('SubmissionStatus'),
    decision: nullable(ref('Decision')),
    confidence: nullable(number({ minimum: 0, maximum: 1 })),
    signals: arrayOf(ref('SignalResult')),
    gates: arrayOf(ref('GateResult')),
    model: freeObject('provider, name, version as submitted'),
    promptVersion: nullable(string()),
    createdAt: dateTime,
    updatedAt: dateTime,
    decidedAt: nullable(dateTime),
    timeline: arrayOf(ref('TimelineEntry')),
  }),
};
