/** One piece of an approved template: fixed text, or a named slot with its pattern. */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'slot'; name: string; pattern: string | null };

/** A template parsed once per policy entry. */
export interface ParsedTemplate {
  name: string;
  text: string;
  parts: TemplatePart[];
  /** Normalised tokens of the fixed text, in order (what "following the template" compares). */
  fixedTokens: string[];
  /** Fixed text tolerant of case, whitespace and punctuation; slots as bounded lazy groups. */
  matcher: RegExp;
  slotPatterns: Map<string, RegExp>;
}

const SLOT_NAME = /^[A-Za-z_][\w-]*$/;

/** Finds the `}}` closing a slot opened at `from`, skipping braces of its pattern (`\d{6}`). */
function slotEnd(text: string, from: number): number {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth > 0) depth--;
      else return text[j + 1] === '}' ? j : -1;
    }
  }
  return -1;
}

/** Splits template text into fixed text and `{{name}}` / `{{name:pattern}}` slots, or says why it cannot. */
export function parseTemplateText(
  text: string,
): { parts: TemplatePart[]; problem?: undefined } | { parts?: undefined; problem: string } {
  const parts: TemplatePart[] = [];
  let last = 0;
  let at = text.indexOf('{{');
  while (at !== -1) {
    const end = slotEnd(text, at + 2);
    if (end === -1) return { problem: `slot opened at character ${at} is not closed with "}}"` };
    const between = text.slice(last, at);
    const previous = parts[parts.length - 1];
    if (previous?.kind === 'slot' && tokensOf(between).length === 0)
      return {
        problem: `slots "${previous.name}" and the next one have no fixed word between them`,
      };
    if (at > last) parts.push({ kind: 'text', text: between });
    const body = text.slice(at + 2, end).trim();
    const colon = body.indexOf(':');
    const name = colon === -1 ? body : body.slice(0, colon).trim();
    const pattern = colon === -1 ? null : body.slice(colon + 1).trim();
    if (!SLOT_NAME.test(name))
      return { problem: `slot "{{${body}}}" needs a name of letters, digits, "_" or "-"` };
    if (pattern === '') return { problem: `slot "${name}" has an empty pattern` };
    parts.push({ kind: 'slot', name, pattern });
    last = end + 2;
    at = text.indexOf('{{', last);
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  if (text.slice(last).includes('}}')) return { problem: 'has a stray "}}"' };
  if (!parts.some((p) => p.kind === 'text' && tokensOf(p.text).length > 0))
    return { problem: 'has no fixed text' };
  return { parts };
}

// Scripts written without spaces between words: each letter (with its marks) is a token.
const UNSPACED =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;
const CHAR_RE = /\p{L}\p{M}*|\p{N}/gu;

/** Lowercased word tokens (letters one by one in scripts without spaces); punctuation and space dropped. */
export function tokensOf(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(TOKEN_RE) ?? []) {
    if (UNSPACED.test(run)) out.push(...(run.match(CHAR_RE) ?? []));
    else out.push(run);
  }
  return out;
}

/** Tokens with their offsets in the text (for spans). */
export function tokensWithOffsets(text: string): { token: string; start: number; end: number }[] {
  const out: { token: string; start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(lower)) !== null) {
    if (UNSPACED.test(m[0])) {
      CHAR_RE.lastIndex = 0;
      let c: RegExpExecArray | null;
      while ((c = CHAR_RE.exec(m[0])) !== null)
        out.push({ token: c[0], start: m.index + c.index, end: m.index + c.index + c[0].length });
    } else out.push({ token: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const SEPARATOR = '[^\\p{L}\\p{M}\\p{N}]*';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Builds the matcher of a parsed template; `maxSlotLength` bounds each slot (and the backtracking). */
export function compileTemplate(
  name: string,
  text: string,
  parts: TemplatePart[],
  sharedSlots: Record<string, string>,
  maxSlotLength: number,
): ParsedTemplate {
  let body = '';
  const slotPatterns = new Map<string, RegExp>();
  const fixedTokens: string[] = [];
  let group = 0;
  for (const part of parts) {
    if (part.kind === 'text') {
      const tokens = tokensOf(part.text);
      fixedTokens.push(...tokens);
      for (const t of tokens) body += `${SEPARATOR}${escape(t)}`;
      body += SEPARATOR;
    } else {
      const pattern = part.pattern ?? sharedSlots[part.name] ?? null;
      if (pattern !== null) slotPatterns.set(`s${group}`, new RegExp(`^(?:${pattern})$`, 'u'));
      body += `(?<s${group}>[\\s\\S]{0,${maxSlotLength}}?)`;
      group++;
    }
  }
  return { name, text, parts, fixedTokens, matcher: new RegExp(`^${body}$`, 'iud'), slotPatterns };
}

/** The slot names of a template, in order of their capture groups. */
export function slotNames(template: ParsedTemplate): string[] {
  return template.parts.filter((p) => p.kind === 'slot').map((p) => (p as { name: string }).name);
}
