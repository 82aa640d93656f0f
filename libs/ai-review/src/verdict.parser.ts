import { ProblemSpan, ProviderFailure, Verdict, VerdictKind } from './ai-review.types';

const KINDS: readonly VerdictKind[] = ['approve', 'reject', 'unsure'];
const MAX_REASONS = 20;
const MAX_TEXT = 2000;

/**
 * Parses a reviewer's answer text into a Verdict. Not JSON → `malformed`; JSON of the wrong
 * shape → `schema`. Both are failures: a half-understood answer must never approve. A failure's
 * message never quotes the answer: it goes into the call's row, the timeline and the routing
 * reason, where erasure does not look, and a model thinking aloud quotes the output it reviews.
 */
export function parseVerdictText(text: string): Verdict {
  let data: unknown;
  try {
    data = JSON.parse(stripFence(text));
  } catch {
    throw new ProviderFailure('malformed', `answer is not JSON (${text.length} characters)`);
  }
  return validateVerdict(data);
}

/** Checks an already parsed verdict object; throws ProviderFailure('schema') naming the field. */
export function validateVerdict(data: unknown): Verdict {
  const fail = (message: string): never => {
    throw new ProviderFailure('schema', `verdict ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('must be a JSON object');
  const v = data as Record<string, unknown>;
  if (!KINDS.includes(v.verdict as VerdictKind))
    fail(`.verdict must be one of ${KINDS.join(', ')} (got ${shapeOf(v.verdict)})`);
  if (
    typeof v.confidence !== 'number' ||
    !Number.isFinite(v.confidence) ||
    v.confidence < 0 ||
    v.confidence > 1
  ) {
    fail(`.confidence must be a number in [0,1] (got ${shapeOf(v.confidence)})`);
  }
  if (!Array.isArray(v.reasons) || v.reasons.some((r) => typeof r !== 'string'))
    fail('.reasons must be an array of strings');
  const spans = v.problematicSpans ?? [];
  if (!Array.isArray(spans)) fail('.problematicSpans must be an array');
  return {
    verdict: v.verdict as VerdictKind,
    confidence: v.confidence as number,
    reasons: (v.reasons as string[]).slice(0, MAX_REASONS).map((r) => r.slice(0, MAX_TEXT)),
    problematicSpans: (spans as unknown[]).slice(0, MAX_REASONS).map((s, i) => span(s, i, fail)),
  };
}

function span(raw: unknown, i: number, fail: (m: string) => never): ProblemSpan {
  if (typeof raw === 'string') return { text: raw.slice(0, MAX_TEXT) };
  if (
    typeof raw !== 'object' ||
    raw === null ||
    typeof (raw as { text?: unknown }).text !== 'string'
  ) {
    return fail(`.problematicSpans[${i}] must be a string or an object with a "text" string`);
  }
  const { text, reason } = raw as { text: string; reason?: unknown };
  return {
    text: text.slice(0, MAX_TEXT),
    ...(typeof reason === 'string' ? { reason: reason.slice(0, MAX_TEXT) } : {}),
  };
}

/** A value named without its words: a number as it is, a string by its length (it may quote the output). */
function shapeOf(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return JSON.stringify(value);
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
}

// Models often wrap JSON in a Markdown fence even when asked not to; that alone is not malformed.
function stripFence(text: string): string {
  const m = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  return m ? m[1] : text;
}
