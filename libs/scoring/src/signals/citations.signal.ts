import type { ScoringInput, SignalConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import { missingSignal, type SignalDefinition, type SignalOutput } from '../engine/engine.types';

// [c1], [1], [doc-3], [1, 2], (source: c1)
const CITE_RE =
  /\[([\w.:-]{1,40}(?:\s*,\s*[\w.:-]{1,40}){0,5})\]|\((?:source|src|ref):\s*([\w.:-]{1,40})\)/gi;
// A quotation of at least three words, in straight or curly double quotes.
const QUOTE_RE = /["“]([^"“”\n]{12,500})["”]/g;

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\s\u00A0]+/g, ' ')
    .replace(/[‘’]/g, "'")
    .trim();

interface Problem {
  kind: 'unknown_id' | 'quote_not_found';
  text: string;
  start: number;
  end: number;
}

/**
 * Cited ids must name a context passage (by id, or by 1-based position for numeric cites),
 * and quoted text must appear verbatim in the passage cited right after it (else anywhere in
 * the context).
 */
function compute(input: ScoringInput, analysis: Analysis, _options: SignalConfig): SignalOutput {
  const passages = (input.input.context ?? []).filter((p) => p && typeof p.text === 'string');
  const text = analysis.text;
  const cites: { ids: string[]; start: number; end: number }[] = [];
  CITE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITE_RE.exec(text)) !== null)
    cites.push({
      ids: (m[1] ?? m[2]).split(/\s*,\s*/),
      start: m.index,
      end: m.index + m[0].length,
    });
  const quotes: { text: string; start: number; end: number }[] = [];
  QUOTE_RE.lastIndex = 0;
  while ((m = QUOTE_RE.exec(text)) !== null)
    if (m[1].trim().split(/\s+/).length >= 3)
      quotes.push({ text: m[1], start: m.index, end: m.index + m[0].length });
  if (!cites.length && !quotes.length) return missingSignal('no citations or quotations');
  if (!passages.length) return missingSignal('no context to check citations against');
  const byId = new Map(passages.map((p, i) => [String(p.id), i]));
  const resolve = (id: string): number | undefined =>
    byId.get(id) ??
    (/^\d+$/.test(id) && Number(id) >= 1 && Number(id) <= passages.length
      ? Number(id) - 1
      : undefined);
  const problems: Problem[] = [];
  let checks = 0;
  for (const c of cites)
    for (const id of c.ids) {
      checks++;
      if (resolve(id) === undefined)
        problems.push({ kind: 'unknown_id', text: id, start: c.start, end: c.end });
    }
  const normPassages = passages.map((p) => normalise(p.text));
  for (const q of quotes) {
    checks++;
    const needle = normalise(q.text);
    const next = cites.find((c) => c.start >= q.end && c.start - q.end < 40);
    const targets = next ? next.ids.map(resolve).filter((i): i is number => i !== undefined) : [];
    const haystack = targets.length ? targets.map((i) => normPassages[i]) : normPassages;
    if (!haystack.some((h) => h.includes(needle)))
      problems.push({
        kind: 'quote_not_found',
        text: q.text.slice(0, 120),
        start: q.start,
        end: q.end,
      });
  }
  const score = 1 - problems.length / checks;
  return {
    score,
    features: { 'citations.valid': score },
    evidence: {
      citations: cites.length,
      quotations: quotes.length,
      problems: problems.slice(0, 20),
    },
  };
}

/** `citations`: cited passage ids exist and quoted text is verbatim in the cited passage. */
export const citationsSignal: SignalDefinition = { compute };
