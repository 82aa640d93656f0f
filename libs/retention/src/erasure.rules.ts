import { AI_REASON_CODE, CAPPED_REASON_CODE } from '@arbiter/policy';

/**
 * What erasing a submission's raw text means for each place Arbiter keeps a copy of it. Pure:
 * the erasure use case applies these inside its transaction. What is not text (scores,
 * confidences, routes, reason codes, verdicts, timings) is kept as it was.
 */

/** Why a submission's text was erased: its pipeline's `retention.raw` ran out, or its client asked. */
export type ErasureReason = 'retention' | 'request';

/** The value that stands where erased text was: `{"erased": "retention"}` or `{"erased": "request"}`. */
export function erasedMarker(reason: ErasureReason): { erased: ErasureReason } {
  return { erased: reason };
}

/** What stands in place of an erased URL (a delivery attempt's callback URL). */
export function erasedUrl(reason: ErasureReason): string {
  return `erased:${reason}`;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The scoring result without its copies of the text: each signal's evidence (aligned sentences,
 * entities, quotes) becomes the marker; each gate finding keeps its code and message but loses
 * its spans and suggestion. Scores, weights, contributions and gate outcomes stay.
 */
export function eraseScoring(scoring: unknown, marker: Json): unknown {
  if (!isRecord(scoring)) return scoring;
  const erased: Json = { ...scoring };
  if (Array.isArray(scoring.signals)) {
    erased.signals = scoring.signals.map((signal) =>
      isRecord(signal) && 'evidence' in signal ? { ...signal, evidence: marker } : signal,
    );
  }
  if (Array.isArray(scoring.gates)) {
    erased.gates = scoring.gates.map((gate) =>
      isRecord(gate) && Array.isArray(gate.findings)
        ? {
            ...gate,
            findings: gate.findings.map((finding) =>
              isRecord(finding) ? withoutKeys(finding, ['spans', 'suggestion']) : finding,
            ),
          }
        : gate,
    );
  }
  return erased;
}

/**
 * The decision without its copies of the text: the final output (the submitted or edited one)
 * and the original output become the marker, the AI reviewer's own words (its reasons and the
 * passages it quoted) go, and so do the output's words in a routing reason (eraseReasons).
 * Outcome, route, who decided, reason codes, flags and the AI verdict with its confidence stay.
 */
export function eraseDecision(decision: unknown, marker: Json): unknown {
  if (!isRecord(decision)) return decision;
  const erased: Json = { ...decision, ...erasedReasonsOf(decision, marker) };
  for (const key of ['finalOutput', 'originalOutput']) {
    if (erased[key] !== undefined && erased[key] !== null) erased[key] = marker;
  }
  if (isRecord(decision.aiReview)) {
    erased.aiReview = { ...decision.aiReview, reasons: [], problematicSpans: [] };
  }
  return erased;
}

/**
 * Routing reasons whose message may quote the output's words: a capped short answer's figures,
 * and the AI reviewer's own reasons (copied from its verdict into the decision and the events).
 */
const QUOTING_REASON_CODES: ReadonlySet<string> = new Set([CAPPED_REASON_CODE, AI_REASON_CODE]);

/**
 * Routing reasons without the output's words: a reason that quotes them keeps its code, and its
 * message becomes `erased:<reason>`. Every other reason stays as it was.
 */
export function eraseReasons(reasons: unknown, marker: Json): unknown {
  if (!Array.isArray(reasons)) return reasons;
  return reasons.map((reason) =>
    isRecord(reason) && QUOTING_REASON_CODES.has(String(reason.code))
      ? { ...reason, message: `erased:${String(marker.erased)}` }
      : reason,
  );
}

/**
 * A submission event's data without the output's words: the routing reasons a transition
 * recorded (`{ reasons, confidence, flags }`) as eraseReasons leaves them.
 */
export function eraseEventData(data: unknown, marker: Json): unknown {
  return isRecord(data) ? { ...data, ...erasedReasonsOf(data, marker) } : data;
}

function erasedReasonsOf(record: Json, marker: Json): Json {
  return 'reasons' in record ? { reasons: eraseReasons(record.reasons, marker) } : {};
}

function withoutKeys(record: Json, keys: string[]): Json {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}
