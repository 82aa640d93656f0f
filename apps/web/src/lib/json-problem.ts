/** Where an edited JSON output stops being JSON: shown at that place in the editor. */
export interface JsonProblem {
  message: string;
  offset: number;
  line: number;
  column: number;
}

/**
 * The offset of the first syntax error, found by a small recursive-descent pass: engines do not
 * all put a position in JSON.parse's message (V8's "Unexpected token … is not valid JSON" has none).
 */
class Stop {
  constructor(readonly at: number) {}
}

function errorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) return fail();
    i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return void literal('true');
    if (c === 'f') return void literal('false');
    if (c === 'n') return void literal('null');
    number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (stop) {
    // Nesting deeper than the stack (RangeError): the fault position is unknown, point at the start.
    if (!(stop instanceof Stop)) return 0;
    return Math.min(stop.at, text.length);
  }
}

/** Null when the text is JSON; else the message with the line and column (1-based) of the fault. */
export function jsonProblem(text: string): JsonProblem | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const offset = errorOffset(text);
    const before = text.slice(0, offset).split('\n');
    const reason = (error as Error).message.replace(/\s*\(line \d+ column \d+\)$/, '');
    return {
      message: reason,
      offset,
      line: before.length,
      column: before[before.length - 1]!.length + 1,
    };
  }
}
