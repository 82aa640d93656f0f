import { DURATION_BUCKETS_MS } from './stats-rules';

/**
 * The rollup SQL. One set of statements serves both the incremental rollup (an id range past the
 * watermark) and reconciliation (recent rows by time, up to the watermark): the same facts from
 * the same source rows, so the two can never disagree. `$1`, `$2` bound the source rows.
 */

const BUCKETS = `ARRAY[${DURATION_BUCKETS_MS.join(', ')}]::double precision[]`;

/** Which source rows a pass reads: past the watermark, or recent by time up to the watermark. */
export const EVENT_RANGE = {
  ids: 'e.id > $1 AND e.id <= $2',
  recent: 'e.created_at >= $1 AND e.id <= $2',
};
export const DECISION_RANGE = {
  ids: 'd.seq > $1 AND d.seq <= $2',
  recent: 'd.created_at >= $1 AND d.seq <= $2',
};

// Additive upserts into every grain at once: minute, hour and all-time (bucket = epoch).
const GRAINS = `(VALUES ('m'), ('h'), ('t')) AS g(grain)`;
/** Version dimensions are kept at the hour grain only: minutes and all-time stay small and fast to sum. */
export const NO_VERSION = '00000000-0000-0000-0000-000000000000';
const versioned = (column: string, none: string) =>
  `CASE g.grain WHEN 'h' THEN ${column} ELSE ${none} END`;
const bucketOf = (ts: string) =>
  `CASE g.grain WHEN 'm' THEN date_trunc('minute', ${ts}, 'UTC') WHEN 'h' THEN date_trunc('hour', ${ts}, 'UTC') ELSE 'epoch'::timestamptz END`;

/** Submission events → flow facts (arrivals, routes, final decisions, time to decision, SLA, AI agreement). */
export function eventFlowSql(range: string): string {
  return `
  WITH ev AS MATERIALIZED (
    SELECT e.id, e.submission_id, e.type, e.from_status, e.to_status, e.created_at, e.data
      FROM submission_events e WHERE ${range}
  ), base AS (
    SELECT ev.*, s.pipeline_id, s.policy_version_id, coalesce(s.prompt_version, '') AS prompt_version,
           concat_ws('/', s.model->>'provider', s.model->>'name', s.model->>'version') AS model,
           coalesce(s.decision->>'decidedBy', 'unknown') AS decided_by, coalesce(s.decision->>'outcome', 'unknown') AS outcome,
           coalesce(pv.document #>> '{review,queue}', '') AS policy_queue,
           extract(epoch FROM ev.created_at - s.created_at) * 1000 AS ttd_ms,
           ev.type = 'transition' AND ev.to_status IN ('approved', 'rejected', 'expired') AS final
      FROM ev JOIN submissions s ON s.id = ev.submission_id JOIN policy_versions pv ON pv.id = s.policy_version_id
  ), facts AS (
    SELECT b.created_at, b.pipeline_id, b.policy_version_id, b.prompt_version, b.model, f.metric, f.label, f.queue, f.total
      FROM base b
      -- The human task this event closed: closing and the event share one transaction, so one now().
      LEFT JOIN LATERAL (
        SELECT t.queue, t.status, t.due_at FROM review_tasks t
         WHERE t.submission_id = b.submission_id AND t.decided_at = b.created_at
           AND t.status IN ('decided', 'escalated', 'expired')
           AND ((b.type = 'transition' AND b.from_status = 'human_review') OR b.type = 'review.escalated')
         LIMIT 1
      ) c ON true
      CROSS JOIN LATERAL (
        SELECT 'arrival' AS metric, '' AS label, '' AS queue, 0::double precision AS total
         WHERE b.type = 'transition' AND b.to_status = 'received'
        UNION ALL SELECT 'route', CASE b.to_status WHEN 'approved' THEN 'auto_approved' WHEN 'rejected' THEN 'policy_rejected'
                                  ELSE b.to_status END, '', 0
         WHERE b.type = 'transition' AND b.from_status = 'scoring'
        UNION ALL SELECT 'ai_route', b.to_status, '', 0 WHERE b.type = 'transition' AND b.from_status = 'ai_review'
        UNION ALL SELECT 'task_in', 'review', b.policy_queue, 0
         WHERE b.type = 'transition' AND b.to_status = 'human_review' AND b.from_status IN ('scoring', 'ai_review')
        UNION ALL SELECT 'task_in', 'escalation', coalesce(b.data->>'toQueue', ''), 0 WHERE b.type = 'review.escalated'
        UNION ALL SELECT 'escalated', coalesce(b.data->>'reason', ''), coalesce(b.data->>'fromQueue', ''), 0 WHERE b.type = 'review.escalated'
        UNION ALL SELECT 'final', b.decided_by || ':' || b.outcome, coalesce(c.queue, ''), 0 WHERE b.final
        UNION ALL SELECT 'expired', coalesce(b.from_status, ''), coalesce(c.queue, ''), 0 WHERE b.final AND b.to_status = 'expired'
        UNION ALL SELECT 'ttd', b.decided_by || ':' || width_bucket(b.ttd_ms, ${BUCKETS}), coalesce(c.queue, ''), b.ttd_ms WHERE b.final
        UNION ALL SELECT 'task_closed', c.status, c.queue, 0 WHERE c.queue IS NOT NULL
        UNION ALL SELECT 'sla_breach', c.status, c.queue, 0 WHERE c.queue IS NOT NULL AND b.created_at > c.due_at
        UNION ALL SELECT 'ai_agreement', CASE WHEN z.verdict = 'unsure' THEN 'unsure'
                                              WHEN (z.verdict = 'approve') = (b.outcome = 'approved') THEN 'agree' ELSE 'disagree' END,
                         coalesce(c.queue, ''), 0
          FROM (SELECT (SELECT x.data->>'verdict' FROM submission_events x
                         WHERE x.submission_id = b.submission_id AND x.type = 'ai_review.call' AND x.data->>'verdict' IS NOT NULL
                         ORDER BY x.id DESC LIMIT 1) AS verdict
                 WHERE b.final AND b.decided_by = 'human') z
         WHERE z.verdict IS NOT NULL
      ) f
  )
  INSERT INTO stats_flow AS s (grain, bucket, metric, label, pipeline_id, policy_version_id, prompt_version, model, queue, count, total)
  SELECT g.grain, ${bucketOf('x.created_at')}, x.metric, x.label, x.pipeline_id,
         ${versioned('x.policy_version_id', `'${NO_VERSION}'::uuid`)}, ${versioned('x.prompt_version', "''")}, ${versioned('x.model', "''")},
         x.queue, count(*), sum(x.total)
    FROM facts x CROSS JOIN ${GRAINS}
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (grain, metric, bucket, label, pipeline_id, policy_version_id, prompt_version, model, queue)
  DO UPDATE SET count = s.count + EXCLUDED.count, total = s.total + EXCLUDED.total`;
}

/**
 * Submission events → reviewer facts: when a human decision becomes final, every reviewer who
 * judged the submission is counted, and overturned when their call differs from the outcome.
 */
export function eventReviewerSql(range: string): string {
  return `
  WITH fin AS (
    SELECT e.created_at, e.submission_id, s.pipeline_id, s.decision->>'outcome' AS outcome
      FROM submission_events e JOIN submissions s ON s.id = e.submission_id
     WHERE ${range} AND e.type = 'transition' AND e.to_status IN ('approved', 'rejected')
       AND s.decision->>'decidedBy' = 'human'
  ), facts AS (
    SELECT f.created_at, d.reviewer_id, t.queue, f.pipeline_id, m.metric
      FROM fin f JOIN review_decisions d ON d.submission_id = f.submission_id JOIN review_tasks t ON t.id = d.task_id
      CROSS JOIN LATERAL (
        SELECT 'judged' AS metric WHERE d.action IN ('approve', 'edit', 'reject')
        UNION ALL SELECT 'overturned'
         WHERE (d.action IN ('approve', 'edit') AND f.outcome = 'rejected') OR (d.action = 'reject' AND f.outcome = 'approved')
      ) m
  )
  ${reviewerUpsert("x.metric, ''", '0')}`;
}

/** Review decisions → reviewer facts: decisions by action and handling-time histogram. */
export function decisionReviewerSql(range: string): string {
  return `
  WITH facts AS (
    SELECT d.created_at, d.reviewer_id, t.queue, s.pipeline_id, m.metric, m.label, m.total
      FROM review_decisions d JOIN review_tasks t ON t.id = d.task_id JOIN submissions s ON s.id = d.submission_id
      CROSS JOIN LATERAL (
        SELECT 'decision' AS metric, d.action AS label, 0::double precision AS total
        UNION ALL SELECT 'handling', width_bucket(d.handling_ms, ${BUCKETS})::text, d.handling_ms WHERE d.handling_ms IS NOT NULL
      ) m
     WHERE ${range}
  )
  ${reviewerUpsert('x.metric, x.label', 'x.total')}`;
}

function reviewerUpsert(metricLabel: string, total: string): string {
  return `
  INSERT INTO stats_reviewer AS s (grain, bucket, reviewer_id, metric, label, queue, pipeline_id, count, total)
  SELECT g.grain, ${bucketOf('x.created_at')}, x.reviewer_id, ${metricLabel}, x.queue, x.pipeline_id, count(*), sum(${total})
    FROM facts x CROSS JOIN ${GRAINS}
   GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, bucket, reviewer_id, metric, label, queue, pipeline_id)
  DO UPDATE SET count = s.count + EXCLUDED.count, total = s.total + EXCLUDED.total`;
}

/**
 * Before re-deriving buckets from `$1` on: take their hourly sums back out of the all-time
 * grain (which has no version dimensions), then drop the minute and hour buckets. Hours are
 * whole (the cut is on an hour).
 */
export function forgetRecentSql(table: 'stats_flow' | 'stats_reviewer'): string[] {
  const dims =
    table === 'stats_flow'
      ? ['metric', 'label', 'pipeline_id', 'queue']
      : ['reviewer_id', 'metric', 'label', 'queue', 'pipeline_id'];
  const cols = dims.join(', ');
  return [
    `UPDATE ${table} AS t SET count = t.count - h.count, total = t.total - h.total
       FROM (SELECT ${cols}, sum(count) AS count, sum(total) AS total FROM ${table}
              WHERE grain = 'h' AND bucket >= $1 GROUP BY ${cols}) h
      WHERE t.grain = 't' AND ${dims.map((d) => `t.${d} = h.${d}`).join(' AND ')}`,
    `DELETE FROM ${table} WHERE grain IN ('m', 'h') AND bucket >= $1`,
  ];
}
