import { parseDocument } from 'yaml';
import { locateJsonError } from './json-error.locator';
import type {
  LocatedPolicyProblem,
  LocatedPolicyText,
  ParsedPolicyText,
  PolicyTextFormat,
} from './policy.types';

/**
 * Parses policy text (YAML or JSON) into a plain document for validatePolicy. A syntax error is
 * a problem at path "" whose message names the line and column.
 */
export function parsePolicyText(text: string, format: PolicyTextFormat): ParsedPolicyText {
  const parsed = parseLocatedPolicyText(text, format);
  return { ...parsed, problems: parsed.problems.map(({ path, message }) => ({ path, message })) };
}

/** As parsePolicyText, with each syntax error's line and column as fields too (for an editor). */
export function parseLocatedPolicyText(text: string, format: PolicyTextFormat): LocatedPolicyText {
  if (typeof text !== 'string' || text.trim() === '') {
    return { problems: [unplaced('the policy is empty')] };
  }
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

function unplaced(message: string): LocatedPolicyProblem {
  return { path: '', message, line: null, column: null };
}

function parseJson(text: string): LocatedPolicyText {
  try {
    return { document: JSON.parse(text) as unknown, problems: [] };
  } catch {
    const { offset, message } = locateJsonError(text);
    return { problems: [syntaxProblem('JSON', text, offset, message)] };
  }
}

// The yaml parser recurses per nesting level; a hostile document overflows the stack. The
// engine's message names an internal, so the author is told what to change instead.
const TOO_DEEP = unplaced('the policy is nested too deeply');
const isStackOverflow = (message: string): boolean => /maximum call stack/i.test(message);

function parseYaml(text: string): LocatedPolicyText {
  let doc: ReturnType<typeof parseDocument>;
  try {
    // prettyErrors off: the message stays one line; the position is added below in our format.
    // uniqueKeys (the default) refuses a key written twice rather than keeping the last one.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error: unknown) {
    if (error instanceof RangeError) return { problems: [TOO_DEEP] };
    throw error;
  }
  if (doc.errors.length > 0) {
    if (doc.errors.some((e) => isStackOverflow(e.message))) return { problems: [TOO_DEEP] };
    return { problems: doc.errors.map((e) => syntaxProblem('YAML', text, e.pos[0], e.message)) };
  }
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"); an over-use throws here.
    return { document: doc.toJS({ maxAliasCount: 100 }) as unknown, problems: [] };
  } catch (error: unknown) {
    if (error instanceof RangeError) return { problems: [TOO_DEEP] };
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [unplaced(`YAML could not be read: ${reason}`)] };
  }
}

function syntaxProblem(
  kind: string,
  text: string,
  offset: number,
  message: string,
): LocatedPolicyProblem {
  const { line, column } = lineColumn(text, offset);
  return {
    path: '',
    message: `${kind} syntax error at line ${line}, column ${column}: ${message}`,
    line,
    column,
  };
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
