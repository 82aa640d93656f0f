import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ColumnMap,
  jsonOrNull,
  pickColumns,
  PreparedStatement,
  preparedRows,
  queryRows,
  selectList,
} from '@arbiter/persistence';

export interface NewSubmission {
  id: string;
  clientId: string;
  pipelineId: string;
  policyVersionId: string;
  externalId: string | null;
  idempotencyKey: string | null;
  requestHash: string;
  input: unknown;
  output: unknown;
  model: unknown;
  promptVersion: string | null;
  metadata: unknown;
  callbackUrl: string | null;
  /** The W3C traceparent of the intake span (tracing on): later stages continue its trace. */
  traceparent?: string | null;
}

export interface EventRow {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  data?: unknown;
}

export interface TransitionPatch {
  confidence?: number | null;
  scoring?: unknown;
  decision?: unknown;
  /** Stamp decided_at: the submission reaches a final state. */
  decided?: boolean;
}

export interface SubmissionRow {
  id: string;
  clientId: string;
  pipelineId: string;
  policyVersionId: string;
  status: string;
  externalId: string | null;
  requestHash: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  model: Record<string, unknown>;
  promptVersion: string | null;
  metadata: Record<string, unknown> | null;
  callbackUrl: string | null;
  /** The intake span's W3C traceparent, when it was traced. */
  traceparent?: string | null;
  confidence: number | null;
  scoring: Record<string, unknown> | null;
  decision: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
  /** When the raw text was erased (retention or the client's request); null while it is kept. */
  erasedAt: Date | null;
}

/** What erasing a submission writes: the marker in place of its text, its scoring and decision without their copies. */
export interface ErasedSubmission {
  marker: Record<string, unknown>;
  scoring: unknown;
  decision: unknown;
}

export interface EventView {
  id: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  data: Record<string, unknown> | null;
  createdAt: Date;
}

/** Where each field of SubmissionRow lives in `submissions`. */
export const SUBMISSION_COLUMN_MAP: ColumnMap<SubmissionRow> = {
  id: 'id',
  clientId: 'client_id',
  pipelineId: 'pipeline_id',
  policyVersionId: 'policy_version_id',
  status: 'status',
  externalId: 'external_id',
  requestHash: 'request_hash',
  input: 'input',
  output: 'output',
  model: 'model',
  promptVersion: 'prompt_version',
  metadata: 'metadata',
  callbackUrl: 'callback_url',
  traceparent: 'traceparent',
  confidence: 'confidence',
  scoring: 'scoring',
  decision: 'decision',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  decidedAt: 'decided_at',
  erasedAt: 'erased_at',
};
export const SUBMISSION_COLUMNS = selectList(SUBMISSION_COLUMN_MAP);
const UNSETTLED_COLUMNS = selectList(
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
const EVENT_VIEW_COLUMNS = selectList(EVENT_VIEW_COLUMN_MAP);

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
function receivedRecord(s: NewSubmission): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, [column]] of RECEIVED_ENTRIES) record[column] = s[field];
  return record;
}

// The statements every submission runs, prepared once per connection (see PreparedStatement).
// Intake's insert takes its rows as one JSON array, so one text serves one row or a batch of a
// hundred (group commit): one statement, one commit, one first event per inserted row.
const INSERT_RECEIVED: PreparedStatement = {
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

const FIND_BY_ID: PreparedStatement = {
  name: 'arbiter_submission_find_by_id',
  text: `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1`,
};

const FIND_BY_IDS: PreparedStatement = {
  name: 'arbiter_submission_find_by_ids',
  text: `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = ANY($1::uuid[])`,
};

const APPLY_TRANSITION: PreparedStatement = {
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
const APPLY_TRANSITIONS: PreparedStatement = {
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

/** One transition of a group applied by applyTransitions. */
export interface TransitionRow {
  id: string;
  from: string;
  to: string;
  patch: TransitionPatch;
  events: EventRow[];
}

/** The events of a transition as the statements take them (a JSON array). */
function eventItems(events: EventRow[]): unknown[] {
  return events.map((e) => ({
    type: e.type,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor: e.actor,
    data: e.data ?? null,
  }));
}

/** Submissions and their append-only events. Every write is one statement, so one commit. */
@Injectable()
export class SubmissionRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Inserts a submission in `received` with its first event. Returns false when the client's
   * Idempotency-Key is already taken (the caller then compares request hashes).
   */
  async insertReceived(s: NewSubmission): Promise<boolean> {
    return (await this.insertReceivedMany([s])).has(s.id);
  }

  /**
   * Inserts submissions in `received`, each with its first event, in one statement (one commit).
   * Returns the ids inserted: a submission whose client's Idempotency-Key is already taken, by a
   * committed row or by an earlier one of the same batch, is skipped. One row Postgres refuses
   * fails the whole statement (the caller may retry the rows one by one).
   */
  async insertReceivedMany(batch: readonly NewSubmission[]): Promise<Set<string>> {
    if (batch.length === 0) return new Set();
    const rows = await preparedRows<{ id: string }>(this.db, INSERT_RECEIVED, [
      JSON.stringify(batch.map(receivedRecord)),
    ]);
    return new Set(rows.map((r) => r.id));
  }

  async findByIdempotencyKey(clientId: string, key: string): Promise<SubmissionRow | null> {
    const rows: SubmissionRow[] = await this.db.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE client_id = $1 AND idempotency_key = $2`,
      [clientId, key],
    );
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<SubmissionRow | null> {
    const rows = await preparedRows<SubmissionRow>(this.db, FIND_BY_ID, [id]);
    return rows[0] ?? null;
  }

  /** The submissions with these ids that exist, in one read (any order). */
  async findByIds(ids: readonly string[]): Promise<SubmissionRow[]> {
    if (ids.length === 0) return [];
    return preparedRows<SubmissionRow>(this.db, FIND_BY_IDS, [ids]);
  }

  async events(submissionId: string): Promise<EventView[]> {
    return this.db.query(
      `SELECT ${EVENT_VIEW_COLUMNS}
         FROM submission_events e WHERE submission_id = $1 ORDER BY e.id`,
      [submissionId],
    );
  }

  /**
   * Moves a submission from `from` to `to` only if it is still in `from`, and appends the events,
   * in one statement. Returns the row as it now is (listeners need it: no second read), or null
   * when the row had already moved (a stale or duplicate job).
   */
  async applyTransition(
    id: string,
    from: string,
    to: string,
    patch: TransitionPatch,
    events: EventRow[],
    tx: EntityManager | DataSource = this.db,
  ): Promise<SubmissionRow | null> {
    const rows = await preparedRows<SubmissionRow>(tx, APPLY_TRANSITION, [
      id,
      to,
      from,
      patch.confidence !== undefined,
      patch.confidence ?? null,
      patch.scoring === undefined ? null : JSON.stringify(patch.scoring),
      patch.decision === undefined ? null : JSON.stringify(patch.decision),
      patch.decided === true,
      JSON.stringify(eventItems(events)),
    ]);
    return rows[0] ?? null;
  }

  /**
   * applyTransition for several submissions in one statement: each moves only if it is still in
   * its `from`. One result per transition, in order: the row as it now is, or null when it had
   * already moved (a submission twice in the group moves by its first request only).
   */
  async applyTransitions(
    transitions: readonly TransitionRow[],
    tx: EntityManager | DataSource = this.db,
  ): Promise<(SubmissionRow | null)[]> {
    if (transitions.length === 0) return [];
    const records = transitions.map((t, ord) => ({
      ord,
      id: t.id,
      from_status: t.from,
      to_status: t.to,
      set_confidence: t.patch.confidence !== undefined,
      confidence: t.patch.confidence ?? null,
      scoring: t.patch.scoring === undefined ? null : JSON.stringify(t.patch.scoring),
      decision: t.patch.decision === undefined ? null : JSON.stringify(t.patch.decision),
      decided: t.patch.decided === true,
      events: eventItems(t.events),
    }));
    const rows = await preparedRows<SubmissionRow & { ord: number }>(tx, APPLY_TRANSITIONS, [
      JSON.stringify(records),
    ]);
    const byOrd = new Map(rows.map(({ ord, ...row }) => [ord, row as SubmissionRow] as const));
    return transitions.map((_, ord) => byOrd.get(ord) ?? null);
  }

  /** Appends an event that is not a transition (e.g. a recovery re-enqueue). */
  async appendEvent(
    submissionId: string,
    event: EventRow,
    tx: EntityManager | DataSource = this.db,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO submission_events (submission_id, type, from_status, to_status, actor, data)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        submissionId,
        event.type,
        event.fromStatus,
        event.toStatus,
        event.actor,
        event.data === undefined ? null : JSON.stringify(event.data),
      ],
    );
  }

  /**
   * Locks a submission for erasure: the row, or null when it does not exist or was already
   * erased. Transitions wait for the lock, so the status read here holds until the commit; rows
   * that only reference it (events, outbox) are not held up (NO KEY UPDATE).
   */
  async lockForErasure(id: string, tx: EntityManager): Promise<SubmissionRow | null> {
    const rows: SubmissionRow[] = await tx.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE id = $1 AND erased_at IS NULL FOR NO KEY UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Replaces a final submission's raw text (input, output, metadata) by the marker, drops its
   * callback URL and stores its scoring and decision without their copies of the text. Only a
   * final, not yet erased row changes; false otherwise.
   */
  async erase(id: string, erased: ErasedSubmission, tx: EntityManager): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `UPDATE submissions SET input = $2, output = $2, metadata = $2, callback_url = NULL,
              scoring = $3, decision = $4, erased_at = now()
        WHERE id = $1 AND erased_at IS NULL AND status IN ('approved', 'rejected', 'expired')
        RETURNING id`,
      [id, JSON.stringify(erased.marker), jsonOrNull(erased.scoring), jsonOrNull(erased.decision)],
    );
    return rows.length === 1;
  }

  /** A client's submissions with this external id whose text is not erased yet. */
  async unerasedByExternalId(clientId: string, externalId: string): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT id FROM submissions WHERE client_id = $1 AND external_id = $2 AND erased_at IS NULL ORDER BY created_at`,
      [clientId, externalId],
    );
  }

  /** Submissions left in received/scoring since before `olderThanMs` ago, oldest first. */
  async findUnsettled(
    olderThanMs: number,
    limit: number,
  ): Promise<Pick<SubmissionRow, 'id' | 'status' | 'traceparent'>[]> {
    return this.db.query(
      `SELECT ${UNSETTLED_COLUMNS} FROM submissions
        WHERE status IN ('received', 'scoring') AND updated_at < now() - $1 * interval '1 millisecond'
        ORDER BY updated_at LIMIT $2`,
      [olderThanMs, limit],
    );
  }
}
