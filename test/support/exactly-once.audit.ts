import { Client } from 'pg';

/** How each accepted submission fared, from the database (the record), by submission. */
export interface ExactlyOnceAudit {
  /** Accepted (202) but not in the database. */
  lost: string[];
  /** Not (yet) in a final state. */
  unfinished: string[];
  /** Routed by the score stage other than once (transitions out of `scoring`). */
  routedNotOnce: string[];
  /** Entered a final state other than once. */
  decidedNotOnce: string[];
  /** Sent to human review but not decided by exactly one reviewer's decision. */
  reviewedNotOnce: string[];
  /** Outcome events not delivered, or delivered (a 2xx answer) more than once. */
  deliveredNotOnce: string[];
  /** Final submissions by `status/decidedBy`. */
  outcomes: Record<string, number>;
}

const FINAL = `('approved', 'rejected', 'expired')`;

/**
 * Checks every accepted submission went through exactly once: routed once, decided once (by one
 * reviewer when it went to review), its outcome delivered once.
 */
export async function auditExactlyOnce(db: Client, ids: string[]): Promise<ExactlyOnceAudit> {
  const ids$ = `(SELECT unnest($1::uuid[]) AS id)`;
  const list = async (sql: string): Promise<string[]> =>
    (await db.query<{ id: string }>(sql, [ids])).rows.map((r) => r.id);
  const transitionsNotOnce = (where: string) => `
    SELECT acc.id FROM ${ids$} acc
    LEFT JOIN submission_events e
      ON e.submission_id = acc.id AND e.type = 'transition' AND ${where}
    GROUP BY acc.id HAVING count(e.submission_id) <> 1`;
  const outcomes = await db.query<{ path: string; n: number }>(
    `SELECT s.status || '/' || coalesce(s.decision->>'decidedBy', '?') AS path, count(*)::int AS n
     FROM submissions s WHERE s.id = ANY($1::uuid[]) AND s.status IN ${FINAL} GROUP BY 1 ORDER BY 1`,
    [ids],
  );
  return {
    lost: await list(
      `SELECT acc.id FROM ${ids$} acc WHERE NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = acc.id)`,
    ),
    unfinished: await list(
      `SELECT s.id FROM submissions s WHERE s.id = ANY($1::uuid[]) AND s.status NOT IN ${FINAL}`,
    ),
    routedNotOnce: await list(transitionsNotOnce(`e.from_status = 'scoring'`)),
    decidedNotOnce: await list(transitionsNotOnce(`e.to_status IN ${FINAL}`)),
    reviewedNotOnce: await list(
      `SELECT s.id FROM submissions s
       WHERE s.id = ANY($1::uuid[]) AND EXISTS (
         SELECT 1 FROM submission_events e
         WHERE e.submission_id = s.id AND e.type = 'transition' AND e.to_status = 'human_review')
       AND (s.decision->>'decidedBy' IS DISTINCT FROM 'human'
         OR (SELECT count(*) FROM review_decisions d WHERE d.submission_id = s.id) <> 1)`,
    ),
    deliveredNotOnce: await list(
      `SELECT d.submission_id AS id FROM delivery_events d
       WHERE d.submission_id = ANY($1::uuid[])
         AND (d.status <> 'delivered' OR (
           SELECT count(*) FROM delivery_attempts a
           WHERE a.event_id = d.id AND a.status_code BETWEEN 200 AND 299) <> 1)
       UNION ALL
       SELECT s.id FROM submissions s
       WHERE s.id = ANY($1::uuid[]) AND s.status IN ${FINAL} AND (
         SELECT count(*) FROM delivery_events d
         WHERE d.submission_id = s.id AND d.state = s.status) <> 1`,
    ),
    outcomes: Object.fromEntries(outcomes.rows.map((r) => [r.path, r.n])),
  };
}
