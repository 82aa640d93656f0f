import { locateJsonError } from './json-error.locator';

/** Agrees with JSON.parse: every text JSON.parse refuses gets an offset inside the text. */
describe('locateJsonError', () => {
  it.each([
    ['{', 1],
    ['}', 0],
    ['[1,]', 3],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['"\\x"', 2],
    ['"\\u12G4"', 2],
    ['01', 1],
    ['-', 0],
    ['1.', 1],
    ['nul', 0],
    ['{"a":1}}', 7],
  ])('%j fails at offset %d', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text).offset).toBe(offset);
  });
});
