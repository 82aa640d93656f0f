import type { Analysis } from '../engine/analysis';
import { memoKey } from '../engine/call-memo';
import type { ContextIndex } from '../engine/context-index';
import { coveredDays, daySets, type DaySet } from '../text/day-sets.util';
import { negates } from '../text/negators.util';
import { extractQuantities, quantityMatches, type Quantity } from '../text/numbers.util';
import { tokenize } from '../text/tokens.util';

// Whether the days a short answer names are the context's, read as day SETS: "Saturdays and
// Sundays" is grounded by "weekends", "hari bekerja" by "Isnin hingga Jumaat", and "Monday to
// Sunday" is not "Monday to Saturday". Shared by grounding, entities and the fact roles.

const CONTEXT_DAYS = memoKey<Set<number>>('contextDays');

/** Every day the context covers by names, ranges and collective words, once per call. */
export function contextDays(index: ContextIndex): Set<number> {
  return index.memo.get(
    CONTEXT_DAYS,
    () => new Set(index.passages.flatMap((p) => [...coveredDays(p.text)])),
  );
}

const DAY_WORDS = memoKey<DaySet[]>('dayWords');

/** The answer's day names and collective words (a range's names stand alone), once per call. */
function answerDayWords(analysis: Analysis): DaySet[] {
  return analysis.memo.get(DAY_WORDS, () =>
    daySets(analysis.text).filter((s) => s.kind !== 'range'),
  );
}

/** The answer's collective day words ("weekdays", "hujung minggu"). */
export function collectiveDaySets(analysis: Analysis): DaySet[] {
  return answerDayWords(analysis).filter((s) => s.kind === 'collective');
}

/** The days a word of the answer stands for ("Saturdays" → 6, "weekdays" → 1–5), or undefined. */
export function daysOfWord(analysis: Analysis, start: number, end: number): number[] | undefined {
  return answerDayWords(analysis).find((s) => s.start < end && s.end > start)?.days;
}

/** Whether every day of `days` is in `covered`. */
export function coversAll(covered: ReadonlySet<number>, days: readonly number[]): boolean {
  return days.every((d) => covered.has(d));
}

// A clause that closes its days: "Sarado ang branch tuwing Sabado at Linggo", "closed on
// Sundays", "not open on Sundays", and what follows "except" ("daily except Sunday"). A clause
// with a clock time ("ditutup pukul 1 petang pada hari Sabtu") gives a closing hour, not a
// closed day. A plain "not" is no closing: "no appointment needed on Tuesdays".
const CLOSED = new Set(['closed', 'close', 'shut', 'tutup', 'ditutup', 'sarado']);
const OPEN = new Set(['open', 'opens', 'buka', 'dibuka', 'bukas', 'beroperasi', 'operate']);
const CLAUSE_BREAK = /[,;:]|(?<!\p{L})(?:but|tetapi|pero|manakala|while|whereas)(?!\p{L})/giu;
const EXCEPT = /(?<!\p{L})(?:except|kecuali|maliban)(?!\p{L})/iu;

interface DayClause {
  sets: DaySet[];
  closed: boolean;
  /** Says "not" in some way (an answer's "but not on Sundays" is left alone). */
  negated: boolean;
  /** The figures (times, prices) that go with each of the clause's day sets. */
  near: Map<DaySet, Quantity[]>;
}

/**
 * The figures that go with each day set of a sentence: those between the day set before it and
 * the one after it ("6 am to 10 pm on weekdays and 8 am to 6 pm on weekends" gives the weekends
 * 8 am and 6 pm only). A list of days shares the figures that follow it ("Sabtu dan Ahad 9 pagi
 * hingga 11 malam"). A range's own names go with the range.
 */
function nearFigures(
  sets: readonly DaySet[],
  figures: readonly Quantity[],
  length: number,
): Map<DaySet, Quantity[]> {
  const top = sets.filter(
    (s) => !sets.some((r) => r !== s && r.start <= s.start && s.end <= r.end),
  );
  const near = new Map<DaySet, Quantity[]>();
  const between = (from: number, to: number): Quantity[] =>
    figures.filter((q) => q.start >= from && q.end <= to);
  top.forEach((set, i) => {
    let own: Quantity[] = [];
    for (let k = i; k < top.length && !own.length; k++)
      own = between(top[k - 1]?.end ?? 0, top[k + 1]?.start ?? length);
    near.set(set, own);
  });
  for (const s of sets) {
    const range = top.find((r) => r.start <= s.start && s.end <= r.end);
    if (!near.has(s)) near.set(s, (range && near.get(range)) ?? []);
  }
  return near;
}

/** The clauses of a sentence that name days, each open or closed. */
function dayClauses(text: string): DayClause[] {
  const sets = daySets(text);
  if (!sets.length) return [];
  const figures = extractQuantities(text);
  const near = nearFigures(sets, figures, text.length);
  const cuts = [0, ...[...text.matchAll(CLAUSE_BREAK)].map((m) => m.index), text.length];
  const out: DayClause[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const [from, to] = [cuts[i - 1], cuts[i]];
    const own = sets.filter((s) => s.start >= from && s.start < to);
    const clause = text.slice(from, to);
    const tokens = tokenize(clause);
    const negated = tokens.some((t) => negates(t.norm));
    const shuts =
      tokens.some((t) => CLOSED.has(t.norm)) || (negated && tokens.some((t) => OPEN.has(t.norm)));
    const timed = figures.some((q) => q.start >= from && q.start < to);
    // "except Saturday and Sunday": the days listed after "except" are all closed.
    const except = EXCEPT.exec(clause);
    const closedFrom = except ? from + except.index : to;
    if (!own.length) continue;
    const shut = own.filter((s) => s.start >= closedFrom);
    const open = own.filter((s) => s.start < closedFrom);
    if (shut.length) out.push({ sets: shut, closed: true, negated, near });
    if (open.length) out.push({ sets: open, closed: shuts && !timed, negated, near });
  }
  return out;
}

const CONTEXT_CLAUSES = memoKey<DayClause[]>('contextDayClauses');

function contextClauses(index: ContextIndex): DayClause[] {
  return index.memo.get(CONTEXT_CLAUSES, () => index.sentences.flatMap((s) => dayClauses(s.text)));
}

/** A stretch of the answer whose days the context gives otherwise. */
export interface DayMismatch {
  text: string;
  start: number;
  end: number;
}

/**
 * Day sets of a short answer the context contradicts:
 *
 * - a day the answer gives as open that the context names only as closed ("Lunes hanggang
 *   Sabado" where "Sarado … tuwing Sabado at Linggo");
 * - a range that shares one end with a range or collective word of the context but not the
 *   other ("Monday to Sunday" where "Monday to Saturday"; "Monday to Friday" leaves Saturday
 *   out), unless the context has that exact set, or gives each added day open next to the
 *   answer's figures ("Monday to Saturday 9 am" where "Monday to Friday 9 am, Saturday 9 am").
 */
export function dayMismatches(analysis: Analysis, index: ContextIndex): DayMismatch[] {
  const context = contextClauses(index);
  if (!context.length) return [];
  const open = new Set(
    context.filter((c) => !c.closed).flatMap((c) => c.sets.flatMap((s) => s.days)),
  );
  const closed = new Set(
    context.filter((c) => c.closed).flatMap((c) => c.sets.flatMap((s) => s.days)),
  );
  const spans = context
    .filter((c) => !c.closed)
    .flatMap((c) => c.sets.filter((s) => s.kind !== 'name'));
  const lists = context.filter((c) => !c.closed).map((c) => new Set(c.sets.flatMap((s) => s.days)));
  const out: DayMismatch[] = [];
  for (const sentence of analysis.sentences)
    for (const clause of dayClauses(sentence.text)) {
      if (clause.closed || clause.negated) continue;
      const ranges = clause.sets.filter((s) => s.kind === 'range');
      for (const set of clause.sets) {
        // A range's own names are checked with it.
        if (set.kind === 'name' && ranges.some((r) => r.start <= set.start && set.end <= r.end))
          continue;
        const at = {
          text: set.text,
          start: sentence.start + set.start,
          end: sentence.start + set.end,
        };
        if (set.days.some((d) => closed.has(d) && !open.has(d))) out.push(at);
        else if (
          set.kind === 'range' &&
          otherRange(set, spans, lists, context, clause.near.get(set))
        )
          out.push(at);
      }
    }
  return out;
}

function sameSet(a: readonly number[], b: ReadonlySet<number>): boolean {
  return a.length === b.size && a.every((d) => b.has(d));
}

/** Whether an answer's range ends elsewhere than a context range or collective sharing one end. */
function otherRange(
  range: DaySet,
  spans: readonly DaySet[],
  lists: readonly Set<number>[],
  context: readonly DayClause[],
  figures: readonly Quantity[] = [],
): boolean {
  if (lists.some((l) => sameSet(range.days, l))) return false;
  if (spans.some((s) => sameSet(range.days, new Set(s.days)))) return false;
  const [first, last] = [range.days[0], range.days[range.days.length - 1]];
  const sharing = spans.filter((s) => s.days[0] === first || s.days[s.days.length - 1] === last);
  if (!sharing.length) return false;
  // Each day the answer adds must be open, with the answer's figures, somewhere in the context.
  return sharing.some((s) => {
    const added = range.days.filter((d) => !s.days.includes(d));
    if (!added.length) return true;
    return !added.every((d) =>
      context.some(
        (c) =>
          !c.closed &&
          c.sets.some(
            (x) =>
              x.days.includes(d) &&
              figures.every((f) => (c.near.get(x) ?? []).some((g) => quantityMatches(f, g))),
          ),
      ),
    );
  });
}
