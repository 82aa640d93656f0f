import { scoreOutput } from '../engine/score-output';
import type { GateResult } from '../scoring.types';

function gate(text: string, options: Record<string, unknown>, type = 'length'): GateResult {
  return scoreOutput(
    { input: {}, output: { text } },
    { signals: {}, validators: [{ type, onFail: 'flag', ...options }] },
  ).gates[0];
}

describe('length gate', () => {
  it.each([
    ['within bounds', 'hello world', { min: 1, max: 20 }, []],
    ['too long', 'x'.repeat(21), { max: 20 }, ['length.too_long']],
    ['too short', 'hi', { min: 5 }, ['length.too_short']],
    ['empty output is too short', '', { min: 1 }, ['length.too_short']],
    ['emoji count once (code points)', '😀😀😀', { max: 3 }, []],
    ['words', 'one two three four', { max: 3, unit: 'words' }, ['length.too_long']],
    ['Thai words are segmented', 'ฉันรักภาษาไทยมาก', { min: 3, unit: 'words' }, []],
    ['sentences', 'One. Two. Three.', { max: 2, unit: 'sentences' }, ['length.too_long']],
    ['bytes', 'ไทย', { max: 6, unit: 'bytes' }, ['length.too_long']],
    ['huge input', 'a'.repeat(1_000_000), { max: 999_999 }, ['length.too_long']],
  ])('%s', (_n, text, options, codes) =>
    expect(gate(text, options).findings.map((f) => f.code)).toEqual(codes),
  );
});

describe('format gate', () => {
  it.each([
    ['json required and valid', '{"a":1}', { json: true }, []],
    ['json required and invalid', 'not json', { json: true }, ['json.parse']],
    ['markdown forbidden', '## Title\n**bold** text', { markdown: false }, ['format.markdown']],
    ['plain text with markdown forbidden', 'Just a sentence.', { markdown: false }, []],
    ['urls forbidden', 'see https://evil.example/x', { urls: false }, ['format.url']],
    [
      'allowed domain',
      'see https://docs.arbiter.dev/x and www.arbiter.dev',
      { allowedDomains: ['arbiter.dev'] },
      [],
    ],
    [
      'lookalike domain is not allowed',
      'see https://arbiter.dev.evil.io/x',
      { allowedDomains: ['arbiter.dev'] },
      ['format.url'],
    ],
    ['pattern', 'Ref: AB-123', { pattern: '^Ref: [A-Z]{2}-\\d+$' }, []],
    ['pattern fails', 'Reference AB-123', { pattern: '^Ref: ' }, ['format.pattern']],
    ['line length', `short\n${'x'.repeat(50)}`, { maxLineLength: 40 }, ['format.line_length']],
  ])('%s', (_n, text, options, codes) =>
    expect(gate(text, options, 'format').findings.map((f) => f.code)).toEqual(codes),
  );
});
