import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { jsonOrNull, preparedRows, queryRows } from '@arbiter/persistence';
import {
  ErasedSubmission,
  EventRow,
  EventView,
  NewSubmission,
  SUBMISSION_COLUMNS,
  SubmissionRow,
  TransitionPatch,
  TransitionRow,
} from './submission.rows';
import {
  APPLY_TRANSITION,
  APPLY_TRANSITIONS,
  EVENT_VIEW_COLUMNS,
  eventItems,
  FIND_BY_ID,
  FIND_BY_IDS,
  INSERT_RECEIVED,
  receivedRecord,
  UNSETTLED_COLUMNS,
} from './submission.statements';

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

  /**
   * Erasure's one exception to append-only events: rewrites the data of this submission's events
   * with `rewrite` (which drops their copies of the text), writing only those it changes; how many.
   */
  async eraseEventData(
    id: string,
    rewrite: (data: unknown) => unknown,
    tx: EntityManager,
  ): Promise<number> {
    const events: { id: string; data: unknown }[] = await tx.query(
      `SELECT id::text AS id, data FROM submission_events
        WHERE submission_id = $1 AND data IS NOT NULL ORDER BY id`,
      [id],
    );
    let changed = 0;
    for (const event of events) {
      const data = rewrite(event.data);
      if (JSON.stringify(data) === JSON.stringify(event.data)) continue;
      await tx.query(`UPDATE submission_events SET data = $2 WHERE id = $1`, [
        event.id,
        JSON.stringify(data),
      ]);
      changed++;
    }
    return changed;
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
