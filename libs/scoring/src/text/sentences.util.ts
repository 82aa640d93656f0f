/** A sentence of the text with its offsets. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// A sentence ends at . ! ? (and CJK/Thai-style full stops) followed by space or end, or at a
// line break. Abbreviations like "e.g." or "U.S." are tolerated by requiring the next
// character to be upper case, a digit, a quote or a non-Latin letter.
const BOUNDARY_RE =
  /([.!?。！？]+["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}\p{Script=Thai}\p{Script=Han}])|\n+/gu;

/** Splits text into sentences (regex based; linear time, no backtracking on long inputs). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (!text) return out;
  let start = 0;
  BOUNDARY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY_RE.exec(text)) !== null) {
    const end = m[1] !== undefined ? m.index + m[1].length : m.index;
    push(text, start, end, out);
    start = m.index + m[0].length;
  }
  push(text, start, text.length, out);
  return out;
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}
