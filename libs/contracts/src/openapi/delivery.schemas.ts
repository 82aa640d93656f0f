import type {
  DeadLetterView,
  EventsFeedView,
  FeedEventView,
  ReplayResultView,
  WebhookEndpointView,
  WebhookSecretView,
} from '../delivery.dto';
import {
  arrayOf,
  boolean,
  dateTime,
  enumOf,
  integer,
  nullable,
  objectOf,
  ref,
  SchemaObject,
  string,
  uuid,
} from './schema';
import { reason } from './submission.schemas';

const EVENT_TYPES = [
  'submission.approved',
  'submission.rejected',
  'submission.expired',
  'submission.routed',
  'audit.failed',
];

/** An `audit.failed` body: an approval already delivered was overturned by a reviewer's audit. */
export interface AuditFailedBody {
  type: string;
  timestamp: string;
  data: {
    id: string;
    externalId: string | null;
    pipeline: string;
    status: string;
    approvedBy: string | null;
    audit: {
      taskId: string;
      verdict: string;
      reasonCodes: string[];
      comment: string | null;
      correctedOutput: unknown;
    };
    links: { submission: string; events: string };
  };
}

/** A `submission.*` webhook body (Standard Webhooks `{type, timestamp, data}`), also a feed event's payload. */
export interface OutcomeEventBody {
  type: string;
  timestamp: string;
  data: {
    id: string;
    externalId: string | null;
    pipeline: string;
    status: string;
    decision: {
      outcome: string | null;
      decidedBy: string | null;
      finalOutput: unknown;
      reasons: unknown[];
      flags: string[];
      route?: string;
    };
    decidedAt: string | null;
    links: { submission: string; events: string };
  };
}

/** Schemas of webhooks, the events feed and dead letters. */
export const DELIVERY_SCHEMAS: Record<string, SchemaObject> = {
  OutcomeEventType: enumOf(EVENT_TYPES),
  OutcomeEvent: {
    description:
      "The body of an outcome webhook, signed per Standard Webhooks; also each feed event's payload",
    oneOf: [ref('SubmissionEvent'), ref('AuditFailedEvent')],
  },
  AuditFailedEvent: objectOf<AuditFailedBody>(
    {
      type: enumOf(['audit.failed']),
      timestamp: dateTime,
      data: objectOf<AuditFailedBody['data']>({
        id: uuid,
        externalId: nullable(string()),
        pipeline: string(),
        status: enumOf(['approved']),
        approvedBy: nullable(enumOf(['auto', 'ai'])),
        audit: objectOf<AuditFailedBody['data']['audit']>({
          taskId: uuid,
          verdict: enumOf(['overturned']),
          reasonCodes: arrayOf(string()),
          comment: nullable(string()),
          correctedOutput: {
            description: "The reviewer's corrected output, when they edited it",
            nullable: true,
          },
        }),
        links: objectOf<{ submission: string; events: string }>({
          submission: string(),
          events: string(),
        }),
      }),
    },
    [],
    {
      description:
        'An output approved automatically (and delivered) was overturned by an audit: recall or correct it',
    },
  ),
  SubmissionEvent: objectOf<OutcomeEventBody>(
    {
      type: enumOf(EVENT_TYPES.filter((t) => t.startsWith('submission.'))),
      timestamp: dateTime,
      data: objectOf<OutcomeEventBody['data']>({
        id: uuid,
        externalId: nullable(string()),
        pipeline: string(),
        status: string(),
        decision: objectOf<OutcomeEventBody['data']['decision']>(
          {
            outcome: nullable(enumOf(['approved', 'rejected', 'expired'])),
            decidedBy: nullable(enumOf(['policy', 'auto', 'ai', 'human'])),
            finalOutput: {
              description:
                'What goes out: the edited output, else the submitted one (approved); null otherwise',
              nullable: true,
            },
            reasons: arrayOf(reason),
            flags: arrayOf(
              string({
                description:
                  "The decision's flags, e.g. `approved-on-expiry` on a submission.expired whose policy approves on expiry (its finalOutput is then what goes out)",
              }),
            ),
            route: string({ description: 'Only on submission.routed' }),
          },
          ['route'],
        ),
        decidedAt: nullable(dateTime),
        links: objectOf<{ submission: string; events: string }>({
          submission: string(),
          events: string(),
        }),
      }),
    },
    [],
    { description: 'A submission reached a final state (or, when subscribed, was routed)' },
  ),
  WebhookSecret: objectOf<WebhookSecretView>({
    id: uuid,
    secret: string({
      pattern: '^whsec_',
      description: 'Configure it in a Standard Webhooks verifier',
    }),
    createdAt: dateTime,
    expiresAt: nullable(dateTime),
  }),
  WebhookEndpoint: objectOf<WebhookEndpointView>({
    url: nullable(string()),
    subscribeRouted: boolean,
    secrets: arrayOf(ref('WebhookSecret')),
  }),
  FeedEvent: objectOf<FeedEventView>({
    cursor: string({ pattern: '^\\d+$' }),
    id: string({ description: 'Also the webhook-id of its webhook' }),
    type: ref('OutcomeEventType'),
    submissionId: uuid,
    createdAt: dateTime,
    payload: ref('OutcomeEvent'),
  }),
  EventsFeed: objectOf<EventsFeedView>({
    events: arrayOf(ref('FeedEvent')),
    nextCursor: string({ pattern: '^\\d+$', description: 'Pass as `after` to continue' }),
    hasMore: boolean,
  }),
  DeadLetter: objectOf<DeadLetterView>({
    id: uuid,
    clientId: uuid,
    submissionId: uuid,
    type: ref('OutcomeEventType'),
    attempts: integer(),
    lastError: nullable(string()),
    createdAt: dateTime,
    deadAt: dateTime,
  }),
  ReplayResult: objectOf<ReplayResultView>({ replayed: integer({ minimum: 0 }) }),
};
