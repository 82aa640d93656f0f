/** A word of the text, with its offsets into the original string. */
export interface Token {
  /** Lower-cased surface form. */
  norm: string;
  /** Light stem used for matching ("increased" and "increase" meet). */
  stem: string;
  start: number;
  end: number;
}

// Letters, marks and digits; an inner apostrophe keeps "don't" whole so negation is seen.
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?/gu;
// Scripts written without spaces between words: the regex would see one word per phrase.
const NO_SPACE_SCRIPT_RE =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

let wordSegmenter: Intl.Segmenter | undefined;

/** Whether the text needs dictionary word segmentation (Thai, Lao, Khmer, Myanmar, CJK). */
export function needsSegmenter(text: string): boolean {
  return NO_SPACE_SCRIPT_RE.test(text);
}

/** Splits text into word tokens; Intl.Segmenter is used only for scripts without spaces, since it is slow. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  if (!text) return out;
  if (needsSegmenter(text)) {
    wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const seg of wordSegmenter.segment(text)) {
      if (!seg.isWordLike) continue;
      const norm = seg.segment.toLowerCase();
      out.push({ norm, stem: stem(norm), start: seg.index, end: seg.index + seg.segment.length });
    }
    return out;
  }
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    const lower = m[0].toLowerCase();
    const norm = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    out.push({ norm, stem: stem(norm), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const stemCache = new Map<string, string>();

/**
 * A light English suffix stripper, truncated to 7 characters: cheap, deterministic, and good
 * enough for overlap (a Porter stemmer buys little here and costs a lot per token).
 */
export function stem(word: string): string {
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && /^[a-z]+$/.test(w)) {
    if (w.endsWith('ies')) w = w.slice(0, -3) + 'y';
    else if (w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
    else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
    else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
    else if (w.endsWith('es') && w.length > 4 && /(?:sh|ch|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
      w = w.slice(0, -1);
    if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  }
  if (w.length > 7) w = w.slice(0, 7);
  if (stemCache.size < 200_000) stemCache.set(word, w);
  return w;
}
