import type { QueueTaskView, QueueTasksView } from '../queue-browser.dto';
import type { QueueCountsView, UserView } from '../review.dto';
import type { DecisionResultView, RecentDecisionView, ReviewTaskView } from '../review-view';
import {
  arrayOf,
  boolean,
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

type Variant<T, R> = T extends { result: R } ? T : never;

/** Schemas of human review (REST; the /review socket acks carry the same bodies) and of users. */
export const REVIEW_SCHEMAS: Record<string, SchemaObject> = {
  UserView: objectOf<UserView>({
    id: uuid,
    email: string(),
    role: enumOf(['reviewer', 'lead', 'admin'], {
      description:
        "The role in the caller's workspace; to a platform admin naming none, the platform role (admin: a platform admin)",
    }),
    queues: arrayOf(string()),
    skills: arrayOf(string()),
    createdAt: dateTime,
    disabledAt: nullable(dateTime),
    workspaces: arrayOf(
      objectOf<UserView['workspaces'][number]>({
        key: string(),
        role: enumOf(['reviewer', 'lead', 'admin']),
      }),
      { description: "The workspaces the person holds a role in (of the caller's workspace only)" },
    ),
  }),
  QueueList: objectOf<{ queues: string[] }>({ queues: arrayOf(string()) }),
  QueueCounts: objectOf<QueueCountsView>({
    queue: string(),
    waiting: integer(),
    claimed: integer(),
  }),
  ReviewTask: objectOf<ReviewTaskView>({
    task: objectOf<ReviewTaskView['task']>(
      {
        id: uuid,
        queue: string(),
        kind: string(),
        status: string(),
        priority: integer(),
        consensus: integer({ minimum: 1 }),
        dueAt: dateTime,
        slaState: enumOf(['ok', 'at_risk', 'breached']),
        leaseToken: string({ description: 'Present for the reviewer holding the lease' }),
        leaseExpiresAt: nullable(dateTime),
        requiredSkills: arrayOf(string(), { description: 'e.g. ["th"]: only readers of Thai' }),
        skillFallback: boolean,
      },
      ['leaseToken', 'leaseExpiresAt'],
    ),
    submission: objectOf<ReviewTaskView['submission']>({
      id: uuid,
      pipeline: string(),
      policyVersion: integer(),
      externalId: nullable(string()),
      input: objectOf<ReviewTaskView['submission']['input']>(
        {
          prompt: string(),
          context: arrayOf(
            objectOf<{ id: string; text: string }>({ id: string(), text: string() }),
          ),
          language: string(),
        },
        ['prompt', 'context', 'language'],
      ),
      output: objectOf<ReviewTaskView['submission']['output']>(
        {
          text: string(),
          json: { description: 'A structured output' },
          samples: arrayOf(string()),
        },
        ['text', 'json', 'samples'],
        { additionalProperties: true },
      ),
      model: objectOf<ReviewTaskView['submission']['model']>(
        { provider: string(), name: string(), version: string() },
        ['provider', 'name', 'version'],
      ),
      metadata: nullable(freeObject()),
      confidence: nullable(number()),
      signals: arrayOf(ref('SignalResult')),
      gates: arrayOf(ref('GateResult')),
      routing: nullable(ref('Decision')),
      createdAt: dateTime,
    }),
    reasonCodes: arrayOf(string()),
    guidelines: nullable(
      string({
        description:
          "review.guidelines of the policy version that judged the submission: the reviewers' instructions, text or markdown",
      }),
    ),
    canEscalate: boolean,
  }),
  QueueTasks: objectOf<QueueTasksView>({
    queue: string(),
    tasks: arrayOf(
      objectOf<QueueTaskView>({
        id: uuid,
        kind: string(),
        status: enumOf(['pending', 'claimed']),
        priority: integer(),
        dueAt: dateTime,
        slaState: string(),
        createdAt: dateTime,
        claimedBy: nullable(string({ description: 'Email of the reviewer holding it' })),
        pipeline: string(),
        policyVersion: integer(),
        externalId: nullable(string()),
        confidence: nullable(number()),
        reasons: arrayOf(string(), { description: 'Routing reason codes' }),
      }),
    ),
    more: { type: 'boolean', description: 'More tasks match than `limit`' },
  }),
  RecentDecisions: objectOf<{ decisions: RecentDecisionView[] }>({
    decisions: arrayOf(
      objectOf<RecentDecisionView>({
        id: uuid,
        taskId: uuid,
        submissionId: uuid,
        queue: string(),
        action: enumOf(['approve', 'reject', 'edit', 'escalate']),
        reasonCodes: arrayOf(string()),
        state: enumOf(['pending', 'final', 'undone', 'lapsed']),
        decidedAt: dateTime,
        undoableUntil: nullable({
          ...dateTime,
          description: 'Until when it can be undone; null once it cannot',
        }),
      }),
    ),
  }),
  ClaimResult: objectOf<{ task: ReviewTaskView | null }>({ task: nullable(ref('ReviewTask')) }),
  LeaseExtended: objectOf<{ leaseExpiresAt: string }>({ leaseExpiresAt: dateTime }),
  Released: objectOf<{ released: boolean }>({ released: { type: 'boolean', enum: [true] } }),
  DecisionResult: {
    oneOf: [
      objectOf<Variant<DecisionResultView, 'decided'>>(
        {
          result: enumOf(['decided']),
          outcome: enumOf(['approved', 'rejected']),
          decisionId: { ...uuid, description: 'With an undo window: the decision to undo' },
          undoableUntil: {
            ...dateTime,
            description:
              'With an undo window: until when it can be undone (nothing is delivered before)',
          },
        },
        ['decisionId', 'undoableUntil'],
      ),
      objectOf<Variant<DecisionResultView, 'waiting'>>({
        result: enumOf(['waiting']),
        have: integer(),
        need: integer(),
      }),
      objectOf<Variant<DecisionResultView, 'escalated'>>({
        result: enumOf(['escalated']),
        queue: string(),
      }),
      objectOf<Variant<DecisionResultView, 'audited'>>({
        result: enumOf(['audited']),
        verdict: enumOf(['agreed', 'overturned']),
      }),
    ],
  },
};
