import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AttemptOutcome,
  DeliveryEventType,
  DeliveryStatus,
  PreparedStatement,
  preparedRows,
  queryRows,
} from '@arbiter/persistence';
import {
  BODY_COLUMNS,
  DEAD_LETTER_COLUMNS,
  FEED_COLUMNS,
  FOR_DELIVERY_COLUMNS,
  OVERDUE_COLUMNS,
  ROUND_COLUMNS,
} from './delivery-event.columns';

export interface NewDeliveryEvent {
  id: string;
  clientId: string;
  submissionId: string;
  type: DeliveryEventType;
  state: string;
  body: string;
  /** 'no_endpoint' records a feed-only event that no job will pick up. */
  status: 'pending' | 'no_endpoint';
}

export interface EventForDelivery {
  id: string;
  clientId: string;
  status: DeliveryStatus;
  body: string;
  attempts: number;
  generation: number;
  retryFrom: Date;
  /** The submission's callbackUrl, else the client's default endpoint. */
  url: string | null;
  /** The submission's traceparent (its intake span), when it was traced. */
  traceparent?: string | null;
}

export interface AttemptRecord {
  eventId: string;
  generation: number;
  url: string;
  statusCode: number | null;
  latencyMs: number;
  outcome: AttemptOutcome;
  error: string | null;
  /** For a retry: when the next attempt is due. */
  nextAttemptAt?: Date;
}

export interface FeedRow {
  cursor: string;
  id: string;
  type: string;
  submissionId: string;
  createdAt: Date;
  body: string;
}

export interface DeadLetterRow {
  id: string;
  clientId: string;
  submissionId: string;
  type: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

export interface EventRound {
  id: string;
  generation: number;
}

// Events given a feed cursor per read; a backlog larger than this is sequenced over several reads.
const MAX_SEQUENCED_PER_READ = 10_000;

// Run for every final decision: prepared once per connection (see PreparedStatement). The events
// come as one JSON array, so one text records one event or a group of them in one statement.
const RECORD_EVENTS: PreparedStatement = {
  name: 'arbiter_delivery_event_record_many',
  text: `INSERT INTO delivery_events (id, client_id, submission_id, type, state, body, status)
         SELECT id, client_id, submission_id, type, state, body, status
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, client_id uuid, submission_id uuid,
             type text, state text, body text, status text)
         ON CONFLICT (submission_id, state) DO NOTHING
         RETURNING id`,
};

/** The outbox of outcome events: recording, delivery state, the events feed and dead letters. */
@Injectable()
export class DeliveryEventRepository {
  constructor(private readonly db: DataSource) {}

  /** Records an event once per submission state; false when it already exists (a repeat, the reconciler). */
  async record(e: NewDeliveryEvent, db: DataSource | EntityManager = this.db): Promise<boolean> {
    return (await this.recordMany([e], db)).has(e.id);
  }

  /**
   * Records events in one statement (one commit); the ids recorded, without those that already
   * existed. One event Postgres refuses fails them all (the caller may retry one by one).
   */
  async recordMany(
    events: readonly NewDeliveryEvent[],
    db: DataSource | EntityManager = this.db,
  ): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const records = events.map((e) => ({
      id: e.id,
      client_id: e.clientId,
      submission_id: e.submissionId,
      type: e.type,
      state: e.state,
      body: e.body,
      status: e.status,
    }));
    const rows = await preparedRows<{ id: string }>(db, RECORD_EVENTS, [JSON.stringify(records)]);
    return new Set(rows.map((r) => r.id));
  }

  async findForDelivery(eventId: string): Promise<EventForDelivery | null> {
    const rows: EventForDelivery[] = await this.db.query(
      `SELECT ${FOR_DELIVERY_COLUMNS}, COALESCE(s.callback_url, w.url) AS url, s.traceparent
         FROM delivery_events e
         JOIN submissions s ON s.id = e.submission_id
         LEFT JOIN webhook_endpoints w ON w.client_id = e.client_id
        WHERE e.id = $1`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  /**
   * Appends the attempt and moves the event on, in one statement, only while the event is still
   * pending in this round: a stale job (an older round, or already settled) changes nothing.
   */
  async recordAttempt(a: AttemptRecord): Promise<boolean> {
    const status = a.outcome === 'retry' ? 'pending' : a.outcome;
    const rows: unknown[] = await this.db.query(
      `WITH u AS (
         UPDATE delivery_events SET status = $3, attempts = attempts + 1, last_error = $7,
           next_attempt_at = COALESCE($8::timestamptz, next_attempt_at),
           delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END,
           dead_at = CASE WHEN $3 = 'dead' THEN now() ELSE dead_at END
         WHERE id = $1 AND generation = $2 AND status = 'pending'
         RETURNING id, attempts
       )
       INSERT INTO delivery_attempts (event_id, attempt, url, status_code, latency_ms, outcome, error)
       SELECT u.id, u.attempts, $4, $5, $6, $9, $7 FROM u
       RETURNING id`,
      [
        a.eventId,
        a.generation,
        status,
        a.url,
        a.statusCode,
        Math.round(a.latencyMs),
        a.error,
        a.nextAttemptAt ?? null,
        a.outcome,
      ],
    );
    return rows.length > 0;
  }

  /** A pending event with nowhere to go stays in the feed only. */
  async markNoEndpoint(eventId: string, generation: number): Promise<void> {
    await this.db.query(
      `UPDATE delivery_events SET status = 'no_endpoint', last_error = 'no callbackUrl and no webhook endpoint'
        WHERE id = $1 AND generation = $2 AND status = 'pending'`,
      [eventId, generation],
    );
  }

  /**
   * The client's events after cursor `after`, in cursor order. First, under a per-client lock,
   * committed events without a cursor get the next ones: anything committing later gets a higher
   * cursor in a later call, so a reader never skips an event and writers never contend.
   */
  async feed(clientId: string, after: string, limit: number): Promise<FeedRow[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('arbiter.feed:' || $1::text, 0))`,
        [clientId],
      );
      // nextval runs row by row over the sorted subquery: cursors follow insertion order.
      await tx.query(
        `WITH numbered AS (
           SELECT p.id, nextval('delivery_feed_seq') AS feed_seq
             FROM (SELECT id FROM delivery_events WHERE client_id = $1 AND feed_seq IS NULL
                    ORDER BY seq LIMIT ${MAX_SEQUENCED_PER_READ}) p
         )
         UPDATE delivery_events d SET feed_seq = n.feed_seq FROM numbered n WHERE d.id = n.id`,
        [clientId],
      );
      return tx.query(
        `SELECT feed_seq::text AS cursor, ${FEED_COLUMNS}
           FROM delivery_events WHERE client_id = $1 AND feed_seq > $2::bigint ORDER BY feed_seq LIMIT $3`,
        [clientId, after, limit],
      );
    });
  }

  /** Dead letters, newest first; all clients' when clientId is null, of one workspace's clients when given one. */
  deadLetters(
    clientId: string | null,
    limit: number,
    workspaceId: string | null = null,
  ): Promise<DeadLetterRow[]> {
    return this.db.query(
      `SELECT ${DEAD_LETTER_COLUMNS}
         FROM delivery_events WHERE status = 'dead' AND ($1::uuid IS NULL OR client_id = $1)
          AND ($3::uuid IS NULL OR client_id IN (SELECT id FROM clients WHERE workspace_id = $3))
        ORDER BY dead_at DESC, id LIMIT $2`,
      [clientId, limit, workspaceId],
    );
  }

  /**
   * Puts dead letters back to pending in a new round (fresh retry horizon); one by id, or all of
   * a client's (or everyone's) when eventId is null. Returns the rounds to enqueue.
   */
  replay(
    eventId: string | null,
    clientId: string | null,
    workspaceId: string | null = null,
  ): Promise<EventRound[]> {
    // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
    return this.db.query(
      `WITH u AS (
         UPDATE delivery_events SET status = 'pending', generation = generation + 1, retry_from = now(),
                next_attempt_at = now(), dead_at = NULL
          WHERE status = 'dead' AND ($1::uuid IS NULL OR id = $1) AND ($2::uuid IS NULL OR client_id = $2)
            AND ($3::uuid IS NULL OR client_id IN (SELECT id FROM clients WHERE workspace_id = $3))
          RETURNING ${ROUND_COLUMNS}
       )
       SELECT * FROM u`,
      [eventId, clientId, workspaceId],
    );
  }

  /** Final submissions, changed within `windowMs` but before `graceMs` ago, whose event is missing. */
  findFinalWithoutEvent(
    graceMs: number,
    windowMs: number,
    limit: number,
  ): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT s.id FROM submissions s
        WHERE s.status IN ('approved', 'rejected', 'expired')
          AND s.updated_at > now() - $2 * interval '1 millisecond'
          AND s.updated_at < now() - $1 * interval '1 millisecond'
          AND NOT EXISTS (SELECT 1 FROM delivery_events e WHERE e.submission_id = s.id AND e.state = s.status)
        ORDER BY s.updated_at LIMIT $3`,
      [graceMs, windowMs, limit],
    );
  }

  /** Pending events whose attempt is overdue by more than `graceMs` (their job may be lost). */
  findOverdue(graceMs: number, limit: number): Promise<(EventRound & { nextAttemptAt: Date })[]> {
    return this.db.query(
      `SELECT ${OVERDUE_COLUMNS} FROM delivery_events
        WHERE status = 'pending' AND next_attempt_at < now() - $1 * interval '1 millisecond'
        ORDER BY next_attempt_at LIMIT $2`,
      [graceMs, limit],
    );
  }

  /**
   * Erases the text a submission's outbox holds: each event's body is rewritten by `rewrite`,
   * the callback URL its attempts went to becomes `urlMarker`, and the endpoints' answers are cut
   * to their status line (an endpoint may echo the body). With `stopPending`, events not yet
   * delivered are stopped, so nothing leaves for an erased URL. Returns how many events changed.
   */
  async eraseText(
    submissionId: string,
    options: {
      rewrite: (body: string) => string;
      callbackUrl: string | null;
      urlMarker: string;
      stopPending: boolean;
    },
    tx: EntityManager,
  ): Promise<number> {
    const events = await queryRows<{ id: string; body: string }>(
      tx,
      `SELECT ${BODY_COLUMNS} FROM delivery_events WHERE submission_id = $1 ORDER BY seq FOR UPDATE`,
      [submissionId],
    );
    const echo = `regexp_replace(%s, '^(HTTP [0-9]+): .*$', '\\1: [erased]')`;
    for (const event of events) {
      await tx.query(
        `UPDATE delivery_events SET body = $2, last_error = ${echo.replace('%s', 'last_error')},
                status = CASE WHEN $3 AND status = 'pending' THEN 'stopped' ELSE status END
          WHERE id = $1`,
        [event.id, options.rewrite(event.body), options.stopPending],
      );
    }
    if (events.length > 0) {
      await tx.query(
        `UPDATE delivery_attempts SET url = CASE WHEN url = $2 THEN $3 ELSE url END, error = ${echo.replace('%s', 'error')}
          WHERE event_id = ANY($1::uuid[])`,
        [events.map((e) => e.id), options.callbackUrl, options.urlMarker],
      );
    }
    return events.length;
  }
}
