import { scoreOutput } from '@arbiter/scoring';
import { ProblemSpan, ReviewItem, Verdict } from './ai-review.types';

/** Placeholder → original value, for mapping a reviewer's answer back for people. */
export type RedactionMap = Map<string, string>;

export interface Redaction {
  item: ReviewItem;
  map: RedactionMap;
  /** How many values were replaced, by kind (for the timeline; never the values). */
  counts: Record<string, number>;
}

const PII_ONLY = { signals: {}, validators: [{ type: 'pii', onFail: 'flag' as const }] };

/** Every PII span the scoring engine's pii gate finds in a text, as [start, end, kind]. */
function findPii(text: string): [number, number, string][] {
  if (!text) return [];
  const result = scoreOutput({ input: {}, output: { text } }, PII_ONLY);
  const found: [number, number, string][] = [];
  for (const finding of result.gates[0]?.findings ?? []) {
    const kind = finding.code.replace(/^pii\./, '');
    if (kind === 'introduced') continue; // the same spans again, reported by their own kind
    for (const s of finding.spans ?? []) {
      if (typeof s.start === 'number' && typeof s.end === 'number')
        found.push([s.start, s.end, kind]);
    }
  }
  // Longest first at a position, then drop overlaps (a card number may also look like a phone).
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept: [number, number, string][] = [];
  for (const f of found) if (!kept.length || f[0] >= kept[kept.length - 1][1]) kept.push(f);
  return kept;
}

/**
 * Replaces the PII the scoring gates find by typed placeholders ([EMAIL_1], [PHONE_2]…), the
 * same value getting the same placeholder everywhere so a reviewer can still compare them.
 */
export function redactItem(item: ReviewItem): Redaction {
  const map: RedactionMap = new Map();
  const byValue = new Map<string, string>();
  const counts: Record<string, number> = {};
  const redact = (text: string): string => {
    let out = '';
    let at = 0;
    for (const [start, end, kind] of findPii(text)) {
      const value = text.slice(start, end);
      let placeholder = byValue.get(value);
      if (!placeholder) {
        counts[kind] = (counts[kind] ?? 0) + 1;
        placeholder = `[${kind.toUpperCase()}_${counts[kind]}]`;
        byValue.set(value, placeholder);
        map.set(placeholder, value);
      }
      out += text.slice(at, start) + placeholder;
      at = end;
    }
    return out + text.slice(at);
  };
  return {
    item: {
      prompt: item.prompt === undefined ? undefined : redact(item.prompt),
      context: item.context.map((c) => ({ id: c.id, text: redact(c.text) })),
      output: redact(item.output),
      samples: item.samples.map(redact),
    },
    map,
    counts,
  };
}

/** Puts the original values back in place of the placeholders. */
export function restoreText(text: string, map: RedactionMap): string {
  if (!map.size) return text;
  return text.replace(/\[[A-Z_]+_\d+\]/g, (p) => map.get(p) ?? p);
}

/** A verdict as reviewers see it: placeholders mapped back, spans located in the original output. */
export function restoreVerdict(verdict: Verdict, map: RedactionMap, output: string): Verdict {
  return {
    ...verdict,
    reasons: verdict.reasons.map((r) => restoreText(r, map)),
    problematicSpans: verdict.problematicSpans.map((s) =>
      locate(
        { ...s, text: restoreText(s.text, map), reason: s.reason && restoreText(s.reason, map) },
        output,
      ),
    ),
  };
}

function locate(span: ProblemSpan, output: string): ProblemSpan {
  if (typeof span.start === 'number') return span;
  const start = span.text ? output.indexOf(span.text) : -1;
  const clean: ProblemSpan = { text: span.text, ...(span.reason ? { reason: span.reason } : {}) };
  return start >= 0 ? { ...clean, start, end: start + span.text.length } : clean;
}
