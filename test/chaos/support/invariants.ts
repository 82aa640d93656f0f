import { DataSource } from 'typeorm';

/** What the database says became of the accepted submissions. */
export interface Audit {
  accepted: number;
  /** Accepted (202) but not in the database. */
  lost: number;
  /** Neither final nor waiting in a review queue (an open task). */
  unsettled: number;
  /** Submissions that entered a final state more than once (submission_events). */
  decidedTwice: number;
  /** Outcome events with more than one successful delivery attempt (delivery rows). */
  deliveredTwice: number;
  /** Outcome events of one submission and state recorded more than once. */
  duplicateOutcomeEvents: number;
  /** Approved in `human` or `ai` without a person's approval or the AI reviewer's. */
  faultApproved: number;
  final: number;
  inQueue: number;
  /** Delivery rows of the whole run by status (pending, delivered, dead). */
  deliveries: Record<string, number>;
  /** Approved submissions by `pipeline/decidedBy`: shows which paths the run exercised. */
  approvedBy: Record<string, number>;
}

const FINAL = `('approved', 'rejected', 'expired')`;

/** Checks the invariants over every accepted submission (ids as the client was told them). */
export async function audit(db: DataSource, acceptedIds: string[]): Promise<Audit> {
  const [row] = await db.query(
    `WITH acc AS (SELECT unnest($1::uuid[]) AS id),
          s AS (SELECT s.* FROM submissions s JOIN acc USING (id))
     SELECT
       (SELECT count(*) FROM acc WHERE NOT EXISTS (SELECT 1 FROM submissions x WHERE x.id = acc.id))::int AS lost,
       (SELECT count(*) FROM s WHERE s.status IN ${FINAL})::int AS final,
       (SELECT count(*) FROM s WHERE s.status = 'human_review' AND EXISTS (
          SELECT 1 FROM review_tasks t WHERE t.submission_id = s.id AND t.status IN ('pending', 'claimed')))::int AS in_queue,
       (SELECT count(*) FROM (
          SELECT e.submission_id FROM submission_events e JOIN acc ON acc.id = e.submission_id
          WHERE e.type = 'transition' AND e.to_status IN ${FINAL}
          GROUP BY 1 HAVING count(*) > 1) x)::int AS decided_twice,
       (SELECT count(*) FROM (
          SELECT a.event_id FROM delivery_attempts a
          WHERE a.status_code BETWEEN 200 AND 299 GROUP BY 1 HAVING count(*) > 1) x)::int AS delivered_twice,
       (SELECT count(*) FROM (
          SELECT d.submission_id, d.state FROM delivery_events d GROUP BY 1, 2 HAVING count(*) > 1) x)::int AS duplicate_events,
       (SELECT count(*) FROM s JOIN pipelines p ON p.id = s.pipeline_id
          WHERE s.status = 'approved' AND p.key IN ('human', 'ai')
            AND NOT (s.decision->>'decidedBy' = 'human'
              OR (p.key = 'ai' AND s.decision->>'decidedBy' = 'ai' AND s.decision->'aiReview'->>'verdict' = 'approve')))::int AS fault_approved`,
    [acceptedIds],
  );
  const deliveries: { status: string; n: number }[] = await db.query(
    `SELECT status, count(*)::int AS n FROM delivery_events GROUP BY 1 ORDER BY 1`,
  );
  const approved: { path: string; n: number }[] = await db.query(
    `SELECT p.key || '/' || coalesce(s.decision->>'decidedBy', '?') AS path, count(*)::int AS n
     FROM submissions s JOIN pipelines p ON p.id = s.pipeline_id
     WHERE s.id = ANY($1::uuid[]) AND s.status = 'approved' GROUP BY 1 ORDER BY 1`,
    [acceptedIds],
  );
  return {
    accepted: acceptedIds.length,
    lost: row.lost,
    unsettled: acceptedIds.length - row.lost - row.final - row.in_queue,
    decidedTwice: row.decided_twice,
    deliveredTwice: row.delivered_twice,
    duplicateOutcomeEvents: row.duplicate_events,
    faultApproved: row.fault_approved,
    final: row.final,
    inQueue: row.in_queue,
    deliveries: Object.fromEntries(deliveries.map((d) => [d.status, d.n])),
    approvedBy: Object.fromEntries(approved.map((a) => [a.path, a.n])),
  };
}

/**
 * Seconds from `healedAt` until the last of these submissions first reached a queue or a final
 * state (0 when every one did before): how long the fault held work up.
 */
export async function secondsToRecover(
  db: DataSource,
  ids: string[],
  healedAt: number,
): Promise<number> {
  const [row] = await db.query(
    `SELECT extract(epoch FROM max(first_rest))::float8 * 1000 AS at FROM (
       SELECT e.submission_id, min(e.created_at) AS first_rest FROM submission_events e
       WHERE e.submission_id = ANY($1::uuid[]) AND e.type = 'transition'
         AND e.to_status IN ('approved', 'rejected', 'expired', 'human_review')
       GROUP BY 1) x`,
    [ids],
  );
  const at = Number(row?.at ?? 0);
  return Math.max(0, Math.round((at - healedAt) / 100) / 10);
}
