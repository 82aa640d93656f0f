/** A marked stretch of the output: a gate finding or a signal's evidence, with what to say about it. */
export interface Mark {
  start: number;
  end: number;
  kind: 'finding' | 'evidence';
  label: string;
}

export interface Segment {
  text: string;
  marks: Mark[];
}

/** Splits text at every mark boundary; each piece carries the marks that cover it. */
export function segment(text: string, marks: Mark[]): Segment[] {
  const valid = marks.filter(
    (m) =>
      Number.isInteger(m.start) &&
      Number.isInteger(m.end) &&
      m.start < m.end &&
      m.start >= 0 &&
      m.end <= text.length,
  );
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    segments.push({
      text: text.slice(from, to),
      marks: valid.filter((m) => m.start <= from && m.end >= to),
    });
  }
  return segments;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Offsets a signal's evidence points at ({start, end} items in its lists, e.g. grounding's
 * unsupported words). Evidence is free-form per signal, so this looks only one level down.
 */
export function evidenceMarks(name: string, evidence: unknown): Mark[] {
  if (!isRecord(evidence)) return [];
  return Object.entries(evidence).flatMap(([key, value]) =>
    Array.isArray(value)
      ? value.filter(isRecord).flatMap((item) =>
          typeof item.start === 'number' &&
          typeof item.end === 'number' &&
          typeof item.text === 'string'
            ? [
                {
                  start: item.start,
                  end: item.end,
                  kind: 'evidence' as const,
                  label: `${name}: ${key}`,
                },
              ]
            : [],
        )
      : [],
  );
}
