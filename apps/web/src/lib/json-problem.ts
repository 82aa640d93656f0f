// The policy editor's JSON locator, shared (a pure function with no imports): engines do not all
// put a position in JSON.parse's message (V8's "Unexpected token … is not valid JSON" has none).
import { locateJsonError } from '@arbiter/policy/json-error-locator';

/** Where an edited JSON output stops being JSON: shown at that place in the editor. */
export interface JsonProblem {
  message: string;
  offset: number;
  line: number;
  column: number;
}

/** Null when the text is JSON; else what is wrong with the line and column (1-based) of the fault. */
export function jsonProblem(text: string): JsonProblem | null {
  try {
    JSON.parse(text);
    return null;
  } catch {
    const { offset, message } = locateJsonError(text);
    const before = text.slice(0, offset).split('\n');
    return {
      message,
      offset,
      line: before.length,
      column: before[before.length - 1]!.length + 1,
    };
  }
}
