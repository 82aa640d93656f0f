import { ColumnMap, pickColumns, PreparedStatement, selectList } from '@arbiter/persistence';
import {
  EventRow,
  EventView,
  NewSubmission,
  SUBMISSION_COLUMN_MAP,
  SUBMISSION_COLUMNS,
} from './submission.rows';

// The SQL of SubmissionRepository: column lists and the statements every submission runs.

export const UNSETTLED_COLUMNS = selectList(
  pickColumns(SUBMISSION_COLUMN_MAP, ['id', 'status', 'traceparent'] as const),
);

/** Where each field of EventView lives in `submission_events` (the id is a bigint, read as text). */
const EVENT_VIEW_COLUMN_MAP: ColumnMap<EventView> = {
  id: 'id::text',
  type: 'type',
  fromStatus: 'from_status',
  toStatus: 'to_status',
  actor: 'actor',
  data: 'data',
  createdAt: 'created_at',
};
export const EVENT_VIEW_COLUMNS = selectList(EVENT_VIEW_COLUMN_MAP);

/**
 * What intake writes of a new submission, once: `field: [column, SQL type]`. The insert's column
 * list, its record type and the JSON each row is sent as all derive from it, so a new column is
 * one line here (and a field of NewSubmission).
 */
const RECEIVED_COLUMNS: { readonly [K in keyof NewSubmission]-?: readonly [string, string] } = {
  id: ['id', 'uuid'],
  clientId: ['client_id', 'uuid'],
  pipelineId: ['pipeline_id', 'uuid'],
  policyVersionId: ['policy_version_id', 'uuid'],
  externalId: ['external_id', 'text'],
  idempotencyKey: ['idempotency_key', 'text'],
  requestHash: ['request_hash', 'text'],
  input: ['input', 'jsonb'],
  output: ['output', 'jsonb'],
  model: ['model', 'jsonb'],
  promptVersion: ['prompt_version', 'text'],
  metadata: ['metadata', 'jsonb'],
  callbackUrl: ['callback_url', 'text'],
  traceparent: ['traceparent', 'text'],
};
const RECEIVED_ENTRIES = Object.entries(RECEIVED_COLUMNS) as [
  keyof NewSubmission,
  readonly [string, string],
][];
const RECEIVED_COLUMN_LIST = RECEIVED_ENTRIES.map(([, [column]]) => column).join(', ');

/** A submission as one element of the insert's JSON array, keyed by column (absent = NULL). */
export function receivedRecord(s: NewSubmission): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, [column]] of RECEIVED_ENTRIES) record[column] = s[field];
  return record;
}

// The statements every submission runs, prepared once per connection (see PreparedStatement).
// Intake's insert takes its rows as one JSON array, so one text serves one row or a batch of a
// hundred (group commit): one statement, one commit, one first event per inserted row.
export const INSERT_RECEIVED: PreparedStatement = {
  name: 'arbiter_submission_insert_received_many',
  text: `WITH s AS (
         INSERT INTO submissions (status, ${RECEIVED_COLUMN_LIST})
         SELECT 'received', ${RECEIVED_COLUMN_LIST}
           FROM jsonb_to_recordset($1::jsonb)
             AS r(${RECEIVED_ENTRIES.map(([, [column, type]]) => `${column} ${type}`).join(', ')})
         ON CONFLICT (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id, policy_version_id
       ), e AS (
         INSERT INTO submission_events (submission_id, type, to_status, actor, data)
         SELECT id, 'transition', 'received', 'api',
                jsonb_build_object('policyVersionId', policy_version_id) FROM s
       )
       SELECT id FROM s`,
};

export const FIND_BY_ID: PreparedStatement = {
  name: 'arbiter_submission_find_by_id',
  text: `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1`,
};

export const FIND_BY_IDS: PreparedStatement = {
  name: 'arbiter_submission_find_by_ids',
  text: `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = ANY($1::uuid[])`,
};

export const APPLY_TRANSITION: PreparedStatement = {
  name: 'arbiter_submission_apply_transition',
  text: `WITH u AS (
         UPDATE submissions SET status = $2, updated_at = now(),
           confidence = CASE WHEN $4::boolean THEN $5::double precision ELSE confidence END,
           scoring = COALESCE($6::jsonb, scoring),
           decision = COALESCE($7::jsonb, decision),
           decided_at = CASE WHEN $8::boolean THEN now() ELSE decided_at END
         WHERE id = $1 AND status = $3
         RETURNING ${SUBMISSION_COLUMNS}
       ), e AS (
       INSERT INTO submission_events (submission_id, type, from_status, to_status, actor, data)
       SELECT u.id, e.item->>'type', e.item->>'from_status', e.item->>'to_status', e.item->>'actor',
              NULLIF(e.item->'data', 'null'::jsonb)
         FROM u, jsonb_array_elements($9::jsonb) WITH ORDINALITY AS e(item, ord)
        ORDER BY e.ord
       )
       SELECT * FROM u`,
};

// The same for several submissions at once (the score stage's groups): one row of JSON per
// transition, each fenced by its own `from` state; `ord` ties a returned row to its request. A
// submission twice in a group moves by its first request only, as one after the other would.
// scoring and decision travel as JSON text so that a JSON null stays a value, as above.
export const APPLY_TRANSITIONS: PreparedStatement = {
  name: 'arbiter_submission_apply_transitions',
  text: `WITH r AS (
         SELECT DISTINCT ON (id) * FROM jsonb_to_recordset($1::jsonb) AS r(ord int, id uuid,
           from_status text, to_status text, set_confidence boolean, confidence double precision,
           scoring text, decision text, decided boolean, events jsonb)
          ORDER BY id, ord
       ), u AS (
         UPDATE submissions s SET status = r.to_status, updated_at = now(),
           confidence = CASE WHEN r.set_confidence THEN r.confidence ELSE s.confidence END,
           scoring = COALESCE(r.scoring::jsonb, s.scoring),
           decision = COALESCE(r.decision::jsonb, s.decision),
           decided_at = CASE WHEN r.decided THEN now() ELSE s.decided_at END
         FROM r WHERE s.id = r.id AND s.status = r.from_status
         RETURNING r.ord AS ord, ${selectList(SUBMISSION_COLUMN_MAP, { table: 's' })}
       ), e AS (
       INSERT INTO submission_events (submission_id, type, from_status, to_status, actor, data)
       SELECT u.id, e.item->>'type', e.item->>'from_status', e.item->>'to_status', e.item->>'actor',
              NULLIF(e.item->'data', 'null'::jsonb)
         FROM u JOIN r ON r.ord = u.ord,
              jsonb_array_elements(r.events) WITH ORDINALITY AS e(item, n)
        ORDER BY u.ord, e.n
       )
       SELECT * FROM u`,
};

/** The events of a transition as the statements take them (a JSON array). */
export function eventItems(events: EventRow[]): unknown[] {
  return events.map((e) => ({
    type: e.type,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor: e.actor,
    data: e.data ?? null,
  }));
}
