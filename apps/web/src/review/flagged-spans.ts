import { evidenceMarks, type Mark } from '../lib/highlight';
import type { SignalResult, TaskView } from './task-view';

/** The context sentence an output sentence was matched to, and what it says about the span. */
export interface ContextLink {
  docId: string;
  /** The context sentence as scoring matched it (at most 300 characters). */
  text: string;
  /** contradicts: a contradiction cue sits on the span; supports / closest: grounding's support ≥ ½ or not. */
  relation: 'supports' | 'contradicts' | 'closest';
  support: number | null;
}

/** A stretch of the output someone flagged: a validator finding or a signal's evidence. */
export interface FlaggedSpan extends Mark {
  id: string;
  /** The flagged words themselves. */
  text: string;
  /** What the span says, for screen readers and the details panel. */
  details: string[];
  /** A validator's replacement (a suggested wording or a redaction), applied into the editor. */
  suggestion?: { text: string; replaces: string };
  link: ContextLink | null;
}

interface GroundedSentence {
  start: number;
  end: number;
  support?: number;
  bestContext?: { passage: string; text: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const evidenceOf = (signals: SignalResult[], name: string) =>
  signals.find((s) => s.name === name)?.evidence;

function groundedSentences(signals: SignalResult[]): GroundedSentence[] {
  const evidence = evidenceOf(signals, 'grounding');
  const list = isRecord(evidence) && Array.isArray(evidence.sentences) ? evidence.sentences : [];
  return list.filter(
    (s): s is GroundedSentence =>
      isRecord(s) && typeof s.start === 'number' && typeof s.end === 'number',
  );
}

/** Evidence marks from a list of records with offsets into the output; others are skipped. */
function offsetMarks(list: unknown, labelOf: (r: Record<string, unknown>) => string): Mark[] {
  const records = Array.isArray(list) ? list.filter(isRecord) : [];
  return records.flatMap((r) =>
    typeof r.start === 'number' && typeof r.end === 'number'
      ? [{ start: r.start, end: r.end, kind: 'evidence' as const, label: labelOf(r) }]
      : [],
  );
}

/** Contradiction cues carry offsets and a detail but no text, so the generic evidence reader skips them. */
function contradictionMarks(signals: SignalResult[]): Mark[] {
  const evidence = evidenceOf(signals, 'contradiction');
  return offsetMarks(
    isRecord(evidence) ? evidence.cues : [],
    (c) => `contradiction: ${String(c.kind ?? 'cue')}${c.detail ? ` (${String(c.detail)})` : ''}`,
  );
}

/** The AI reviewer's problematic spans (with offsets into the output), each with its reason. */
function aiReviewMarks(view: TaskView): Mark[] {
  const ai = view.submission.routing?.aiReview;
  if (!isRecord(ai)) return [];
  const by = typeof ai.provider === 'string' ? ` (${ai.provider})` : '';
  return offsetMarks(
    ai.problematicSpans,
    (s) => `AI reviewer${by}: ${typeof s.reason === 'string' && s.reason ? s.reason : 'flagged'}`,
  );
}

function linkFor(mark: Mark, sentences: GroundedSentence[]): ContextLink | null {
  const sentence = sentences.find((s) => s.start <= mark.start && mark.start < s.end);
  const best = sentence?.bestContext;
  if (!sentence || !best || typeof best.passage !== 'string' || typeof best.text !== 'string')
    return null;
  const support = typeof sentence.support === 'number' ? sentence.support : null;
  const relation = mark.label.startsWith('contradiction:')
    ? 'contradicts'
    : support !== null && support >= 0.5
      ? 'supports'
      : 'closest';
  return { docId: best.passage, text: best.text, relation, support };
}

/** Every flagged span of a text output in reading order, each linked to its context sentence. */
export function flaggedSpans(view: TaskView): FlaggedSpan[] {
  const { output, gates, signals } = view.submission;
  const text = typeof output.text === 'string' ? output.text : '';
  const findings = gates.flatMap((g) =>
    g.findings.flatMap((f) =>
      (f.spans ?? []).flatMap((s) =>
        s.start !== undefined && s.end !== undefined
          ? [
              {
                start: s.start,
                end: s.end,
                kind: 'finding' as const,
                label: `${g.type}: ${f.message}`,
                suggestion: f.suggestion,
              },
            ]
          : [],
      ),
    ),
  );
  const marks: (Mark & { suggestion?: string })[] = [
    ...findings,
    ...signals.flatMap((s) => evidenceMarks(s.name, s.evidence)),
    ...contradictionMarks(signals),
    ...aiReviewMarks(view),
  ].filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const sentences = groundedSentences(signals);
  return marks.map((m, i) => {
    const replaces = text.slice(m.start, m.end);
    return {
      id: `span-${i}`,
      text: replaces,
      start: m.start,
      end: m.end,
      kind: m.kind,
      label: m.label,
      details: [m.label, ...(m.suggestion ? [`suggestion: “${m.suggestion}”`] : [])],
      ...(m.suggestion ? { suggestion: { text: m.suggestion, replaces } } : {}),
      link: linkFor(m, sentences),
    };
  });
}

/**
 * The context sentences the evidence points at, by document (every output sentence's best match,
 * flagged or not): those documents open by themselves, the others stay collapsed.
 */
export function pointedPassages(view: TaskView): Map<string, string[]> {
  const byDoc = new Map<string, string[]>();
  for (const s of groundedSentences(view.submission.signals)) {
    const best = s.bestContext;
    if (!best || typeof best.passage !== 'string' || typeof best.text !== 'string') continue;
    const list = byDoc.get(best.passage) ?? [];
    if (!list.includes(best.text)) list.push(best.text);
    byDoc.set(best.passage, list);
  }
  return byDoc;
}
