import type { Alignment } from './alignment';
import type { AnalysedSentence, Analysis } from './analysis';
import { memoKey } from './call-memo';
import type { ContextSentence } from './context-index';
import { sameClockTime } from '../text/clock-times.util';
import { sameDuration } from '../text/durations.util';
import { extractQuantities, sameDate, type Quantity } from '../text/numbers.util';
import type { Token } from '../text/tokens.util';

/**
 * The figures of an alignment's sentence with their output spans [start, end), and the spans of
 * those its window holds, read on first need.
 */
interface FigureSpans {
  own: { q: Quantity; span: [number, number] }[];
  held?: [number, number][];
}

const SPANS = new WeakMap<Alignment, FigureSpans>();

/**
 * Whether a word is part of a figure the aligned context states in other words: "five" for "5",
 * "tatlumpung" for "30", "one week" for "7 araw" (its unit word too, after conversion), "2 pm"
 * for "14:00" (its "pm" too). Without it, grounding counted "five" unsupported in "within five
 * working days" against "within 5 business days" (en-shop-refunds) while the numbers check
 * found the figure.
 */
export function heldAsFigure(a: Alignment, text: string, t: Token): boolean {
  let spans = SPANS.get(a);
  if (!spans) {
    spans = { own: ownFigures(a, text) };
    SPANS.set(a, spans);
  }
  // Most words are part of no figure of their own sentence: the window's figures are read only
  // for one that is (a summary's unsupported words would read every window otherwise).
  if (!spans.own.some((f) => within(t, f.span))) return false;
  spans.held ??= heldSpans(a, spans.own);
  return spans.held.some((span) => within(t, span));
}

function within(t: Token, [start, end]: [number, number]): boolean {
  return t.start >= start && t.end <= end;
}

function ownFigures(a: Alignment, text: string): FigureSpans['own'] {
  const { start } = a.sentence;
  return outputSentenceQuantities(text, a.sentence).map((q) => ({
    q,
    span: [start + q.start, start + (q.duration?.end ?? q.clock?.end ?? q.end)],
  }));
}

function heldSpans(a: Alignment, own: FigureSpans['own']): [number, number][] {
  if (!a.window.length) return [];
  const held = a.window.flatMap(sentenceQuantities);
  return own.filter(({ q }) => held.some((c) => sameFigure(q, c))).map((f) => f.span);
}

const OUTPUT_SENTENCE_QUANTITIES = new WeakMap<AnalysedSentence, Quantity[]>();

/**
 * An output sentence's figures (offsets in the sentence), once: grounding's figure check and the
 * contradiction's number check read them. `text` is the output the sentence is of. Read only.
 */
export function outputSentenceQuantities(text: string, s: AnalysedSentence): Quantity[] {
  let out = OUTPUT_SENTENCE_QUANTITIES.get(s);
  if (!out)
    OUTPUT_SENTENCE_QUANTITIES.set(s, (out = extractQuantities(text.slice(s.start, s.end))));
  return out;
}

const OUTPUT_QUANTITIES = memoKey<Quantity[]>('outputQuantities');

/** The output's figures, once per call: the numbers signal and each cut of a short answer's claims read them. Read only. */
export function outputQuantities(analysis: Analysis): Quantity[] {
  return analysis.memo.get(OUTPUT_QUANTITIES, () => extractQuantities(analysis.text));
}

/**
 * A context sentence's figures, once: the windows of an output's sentences share sentences,
 * and a short answer's facts are looked for in every sentence (sentenceFacts). Read only.
 */
const SENTENCE_QUANTITIES = new WeakMap<ContextSentence, Quantity[]>();

export function sentenceQuantities(s: ContextSentence): Quantity[] {
  let out = SENTENCE_QUANTITIES.get(s);
  if (!out) SENTENCE_QUANTITIES.set(s, (out = extractQuantities(s.text)));
  return out;
}

/**
 * The same figure exactly, or the same length of time: a spelled number is an exact one, and
 * the rounding tolerance of quantityMatches would let "second" stand for "1.9" (SummEdits).
 */
function sameFigure(q: Quantity, c: Quantity): boolean {
  if (q.date || c.date) return sameDate(q, c);
  // "2 pm" for "14:00": its "pm" too is held.
  if (q.clock && c.clock) return sameClockTime(q.clock.minutes, c.clock.minutes);
  return q.value === c.value || sameDuration(q.duration, c.duration);
}
