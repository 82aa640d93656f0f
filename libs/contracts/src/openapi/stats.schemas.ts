import {
  arrayOf,
  dateTime,
  enumOf,
  integer,
  mapOf,
  nullable,
  number,
  objectOf,
  ref,
  Schema,
  SchemaObject,
  string,
} from './schema';

/** An object schema of stats figures (their types live in libs/stats, not in the contracts). */
const figures = (properties: Record<string, Schema>, description?: string): SchemaObject =>
  objectOf<Record<string, unknown>>(properties, [], description ? { description } : {});
const count = integer({ minimum: 0 });
const share = nullable(number({ minimum: 0, maximum: 1, description: 'null when the whole is 0' }));
const ms = nullable(integer({ minimum: 0 }));
const range = ref('StatsRange');

/** Schemas of the lead stats (/v1/stats). */
export const STATS_SCHEMAS: Record<string, SchemaObject> = {
  StatsRange: figures(
    { from: dateTime, to: dateTime, grain: enumOf(['minute', 'hour']) },
    'The range a figure was computed over, rounded out to whole buckets',
  ),
  BacklogStats: figures({
    at: dateTime,
    totals: figures({
      open: count,
      waiting: count,
      claimed: count,
      atRisk: count,
      breached: count,
    }),
    queues: arrayOf(
      figures({
        queue: string(),
        open: count,
        waiting: count,
        claimed: count,
        atRisk: count,
        breached: count,
        byPriority: arrayOf(figures({ priority: integer(), waiting: count, claimed: count })),
        oldestPendingAt: nullable(dateTime),
        oldestPendingAgeSeconds: nullable(integer({ minimum: 0 })),
        nextDueAt: nullable(dateTime),
      }),
    ),
  }),
  SlaStats: figures({
    at: dateTime,
    atRiskMarginMs: integer(),
    range,
    queues: arrayOf(
      figures({
        queue: string(),
        atRisk: count,
        breached: count,
        nextDueAt: nullable(dateTime),
        closed: count,
        closedAfterDue: count,
        breachRate: share,
      }),
    ),
    totals: figures({ atRisk: count, breached: count }),
  }),
  ForecastStats: figures({
    at: dateTime,
    windowMinutes: integer(),
    queues: arrayOf(
      figures({
        queue: string(),
        backlog: count,
        inflowPerMin: number(),
        clearedPerMin: number(),
        emptiesAt: nullable(dateTime),
        breachAt: nullable(dateTime),
        trend: enumOf(['empty', 'shrinking', 'steady', 'growing']),
      }),
    ),
    nextBreach: nullable(figures({ queue: string(), at: dateTime })),
  }),
  ThroughputStats: figures({
    range,
    totals: figures({ arrivals: count, decisions: count }),
    series: arrayOf(figures({ at: dateTime, arrivals: count, decisions: count })),
    timeToDecision: mapOf(figures({ count, p50Ms: ms, p90Ms: ms })),
  }),
  AutomationStats: figures({
    range,
    decided: count,
    shares: figures({
      autoApproved: share,
      aiDecided: share,
      humanDecided: share,
      rejectedByPolicy: share,
    }),
    counts: figures({
      autoApproved: count,
      aiDecided: count,
      humanDecided: count,
      rejectedByPolicy: count,
      policyDecided: count,
    }),
    routed: count,
    routes: mapOf(figures({ count, share })),
    humanRejectRate: share,
    aiAgreement: figures({ agree: count, disagree: count, unsure: count, rate: share }),
  }),
  ReviewerStats: figures({
    reviewerId: string(),
    email: nullable(string()),
    decisions: count,
    byAction: mapOf(count),
    medianHandlingMs: ms,
    judged: count,
    overturned: count,
    overturnRate: share,
  }),
  ReviewersStats: figures({ range, reviewers: arrayOf(ref('ReviewerStats')) }),
  VersionsStats: figures({
    range,
    versions: arrayOf(
      figures({
        pipeline: string(),
        policyVersion: integer(),
        promptVersion: nullable(string()),
        model: string(),
        routed: count,
        routeShares: mapOf(share),
        decided: count,
        humanDecided: count,
        humanRejectRate: share,
      }),
    ),
  }),
  DecisionExportRow: figures({
    seq: integer(),
    decidedAt: dateTime,
    submissionId: string(),
    taskId: string(),
    pipeline: string(),
    queue: string(),
    reviewerId: string(),
    reviewerEmail: nullable(string()),
    action: string(),
    reasonCodes: arrayOf(string()),
    handlingMs: ms,
    finalOutcome: nullable(string()),
  }),
};
