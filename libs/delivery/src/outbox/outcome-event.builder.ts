import { DeliveryEventType } from '@arbiter/persistence';

const FINAL_TYPES: Record<string, DeliveryEventType> = {
  approved: 'submission.approved',
  rejected: 'submission.rejected',
  expired: 'submission.expired',
};
/** Intermediate states announced as `submission.routed` to clients that subscribe. */
const ROUTED_STATES = new Set(['ai_review', 'human_review']);

/** The event a transition into `state` produces, or null when none does. */
export function eventTypeFor(state: string): DeliveryEventType | null {
  return FINAL_TYPES[state] ?? (ROUTED_STATES.has(state) ? 'submission.routed' : null);
}

/** What the body is built from: the submission as committed by the transition. */
export interface OutcomeSubject {
  id: string;
  externalId: string | null;
  pipeline: string;
  output: Record<string, unknown>;
  decision: Record<string, unknown> | null;
  decidedAt: Date | null;
}

/**
 * The webhook body, in the Standard Webhooks shape `{type, timestamp, data}`. Built once when the
 * event is recorded and stored as text, so every attempt and replay sends the same bytes.
 */
export function buildOutcomeBody(
  type: DeliveryEventType,
  state: string,
  s: OutcomeSubject,
  at: Date,
): string {
  const d = s.decision ?? {};
  const final = type !== 'submission.routed';
  // The edited output when a reviewer edited it (stored as finalOutput), else what was submitted.
  const finalOutput = d.finalOutput ?? (state === 'approved' ? s.output : null);
  return JSON.stringify({
    type,
    timestamp: at.toISOString(),
    data: {
      id: s.id,
      externalId: s.externalId,
      pipeline: s.pipeline,
      status: state,
      decision: {
        outcome: final ? state : null,
        // Expiry is the policy's time-to-live deciding, when nothing more specific was recorded.
        decidedBy: d.decidedBy ?? (state === 'expired' ? 'policy' : null),
        finalOutput: final ? finalOutput : null,
        reasons: Array.isArray(d.reasons) ? d.reasons : [],
        // Says which way an expiry went: `approved-on-expiry` (finalOutput goes out) or none.
        flags: Array.isArray(d.flags) ? d.flags : [],
        ...(final ? {} : { route: state }),
      },
      decidedAt: final ? (s.decidedAt ?? at).toISOString() : null,
      links: { submission: `/v1/submissions/${s.id}`, events: '/v1/events' },
    },
  });
}

/** What an `audit.failed` body says: which approval a reviewer overturned, and why. */
export interface AuditFailure {
  taskId: string;
  reasonCodes: string[];
  comment: string | null;
  correctedOutput: unknown;
}

/**
 * `audit.failed`: an output Arbiter approved automatically (and delivered) was overturned by a
 * reviewer's audit, so the calling service can recall or correct what it already showed.
 */
export function buildAuditFailedBody(s: OutcomeSubject, audit: AuditFailure, at: Date): string {
  const d = s.decision ?? {};
  return JSON.stringify({
    type: 'audit.failed',
    timestamp: at.toISOString(),
    data: {
      id: s.id,
      externalId: s.externalId,
      pipeline: s.pipeline,
      status: 'approved',
      approvedBy: d.decidedBy ?? null,
      audit: {
        taskId: audit.taskId,
        verdict: 'overturned',
        reasonCodes: audit.reasonCodes,
        comment: audit.comment,
        correctedOutput: audit.correctedOutput ?? null,
      },
      links: { submission: `/v1/submissions/${s.id}`, events: '/v1/events' },
    },
  });
}

/**
 * An outbox body with its copies of the submission's text replaced by `marker`: the final
 * output, an audit's comment and corrected output, and the decision's reasons as
 * `eraseReasons` leaves them (the erasure rules know which quote the output). The event's type,
 * ids, outcome and times stay. A body that is not the JSON Arbiter wrote becomes the marker alone.
 */
export function eraseOutcomeBody(
  body: string,
  marker: Record<string, unknown>,
  eraseReasons: (reasons: unknown) => unknown = (reasons) => reasons,
): string {
  let parsed: { data?: { decision?: Record<string, unknown>; audit?: Record<string, unknown> } };
  try {
    parsed = JSON.parse(body);
  } catch {
    return JSON.stringify(marker);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof parsed.data !== 'object' ||
    parsed.data === null
  ) {
    return JSON.stringify(marker);
  }
  const { decision, audit } = parsed.data;
  if (decision && decision.finalOutput != null) decision.finalOutput = marker;
  if (decision && decision.reasons !== undefined) decision.reasons = eraseReasons(decision.reasons);
  if (audit) {
    if (audit.comment != null) audit.comment = null;
    if (audit.correctedOutput != null) audit.correctedOutput = marker;
  }
  return JSON.stringify(parsed);
}
