import type { ParsedTemplate } from './template.parser';

/** A slot's value in the output, with its offsets. */
export interface SlotValue {
  name: string;
  value: string;
  start: number;
  end: number;
  pattern: RegExp | null;
}

interface OffsetToken {
  token: string;
  start: number;
  end: number;
}

const EDGE = /^[\s,.;:!?]+|[\s,.;:!?]+$/g;

/** Where `run` occurs in `tokens` at or after `from` and ending by `limit`, or -1. */
function find(tokens: OffsetToken[], run: string[], from: number, limit: number): number {
  outer: for (let i = from; i + run.length <= limit; i++) {
    for (let k = 0; k < run.length; k++) if (tokens[i + k].token !== run[k]) continue outer;
    return i;
  }
  return -1;
}

const startsWith = (tokens: OffsetToken[], run: string[], at: number) =>
  at + run.length <= tokens.length && run.every((t, k) => tokens[at + k].token === t);

/**
 * Matches an output against a template's pieces like a glob: the first fixed run anchored at the
 * start (unless a slot comes first), the last at the end (unless a slot comes last), the runs in
 * between at their leftmost place with at least one token for the slot before them when possible.
 * Linear in the output for each run: no backtracking, so no input can make it slow (a regular
 * expression with several lazy slots took seconds on "the the the …"). Returns the slot values,
 * or null when the fixed text is not there in that shape (words added outside the slots).
 */
export function matchTemplate(
  template: ParsedTemplate,
  text: string,
  tokens: OffsetToken[],
): SlotValue[] | null {
  const pieces = template.pieces;
  const fixedIdx = pieces.map((p, i) => (p.kind === 'fixed' ? i : -1)).filter((i) => i >= 0);
  if (!fixedIdx.length) return null;
  // Token positions [start, end) of each fixed run, decided in order.
  const at = new Map<number, [number, number]>();
  let cursor = 0;
  let limit = tokens.length;
  const last = fixedIdx[fixedIdx.length - 1];
  const lastRun = (pieces[last] as { tokens: string[] }).tokens;
  if (last === pieces.length - 1) {
    const from = tokens.length - lastRun.length;
    if (from < 0 || !startsWith(tokens, lastRun, from)) return null;
    at.set(last, [from, tokens.length]);
    limit = from;
  }
  for (const i of fixedIdx) {
    if (at.has(i)) continue;
    const run = (pieces[i] as { tokens: string[] }).tokens;
    let pos: number;
    if (i === 0) pos = startsWith(tokens, run, 0) ? 0 : -1;
    else {
      pos = find(tokens, run, cursor + 1, limit);
      if (pos === -1) pos = find(tokens, run, cursor, limit);
    }
    if (pos === -1) return null;
    at.set(i, [pos, pos + run.length]);
    cursor = pos + run.length;
  }
  // The runs must not overlap the run anchored at the end.
  if (cursor > limit) return null;
  // A template of fixed text only: that one run is anchored at both ends.
  if (pieces[0].kind === 'fixed' && at.get(0)?.[0] !== 0) return null;

  const slots: SlotValue[] = [];
  pieces.forEach((piece, i) => {
    if (piece.kind !== 'slot') return;
    const before = i > 0 ? at.get(i - 1) : undefined;
    const after = i < pieces.length - 1 ? at.get(i + 1) : undefined;
    const from = before ? tokens[before[1] - 1].end : 0;
    const to = after
      ? after[0] < tokens.length
        ? tokens[after[0]].start
        : text.length
      : text.length;
    const raw = text.slice(from, Math.max(from, to));
    const value = raw.replace(EDGE, '');
    const start = from + (value ? raw.indexOf(value) : 0);
    slots.push({
      name: piece.name,
      value,
      start,
      end: start + value.length,
      pattern: piece.pattern,
    });
  });
  return slots;
}
