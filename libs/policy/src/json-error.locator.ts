/**
 * Finds where JSON text stops being valid, because JSON.parse does not always say where
 * (Node 20 and 24: "Unexpected token '}', ... is not valid JSON" has no position). Run only after
 * JSON.parse failed, so speed does not matter; it only has to agree with JSON.parse on validity.
 */
export function locateJsonError(text: string): { offset: number; message: string } {
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonLocated(i, message);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const unexpected = (): never =>
    fail(i >= text.length ? 'unexpected end of input' : `unexpected ${show(text[i])}`);
  const expect = (char: string): void => {
    if (text[i] !== char)
      fail(
        i >= text.length
          ? `unexpected end of input, expected ${show(char)}`
          : `expected ${show(char)} but found ${show(text[i])}`,
      );
    i++;
  };
  const string = (): void => {
    expect('"');
    while (text[i] !== '"') {
      if (i >= text.length) fail('unterminated string');
      if (text.charCodeAt(i) < 0x20) fail('control character in string (escape it)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('bad escape in string');
      }
      i++;
    }
    i++;
  };
  const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const char = text[i];
    if (char === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (text[i] === '}') return void i++;
        expect(',');
      }
    }
    if (char === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ']') return void i++;
        expect(',');
      }
    }
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    unexpected();
  };
  try {
    value();
    ws();
    if (i < text.length) unexpected();
    return { offset: text.length, message: 'invalid JSON' };
  } catch (error: unknown) {
    if (error instanceof JsonLocated) return { offset: error.offset, message: error.message };
    // Absurd nesting can overflow the stack here; the position is then unknown.
    return { offset: 0, message: 'invalid JSON (nested too deeply)' };
  }
}

function show(char: string): string {
  return `'${char}'`;
}

class JsonLocated extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}
