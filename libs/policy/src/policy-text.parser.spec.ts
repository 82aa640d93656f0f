import { parsePolicyText } from './policy-text.parser';

describe('parsePolicyText', () => {
  it.each([
    [
      'yaml',
      'pipeline: demo\nthresholds: { autoApprove: 0.9, aiReview: 0.5 }\n',
      { pipeline: 'demo', thresholds: { autoApprove: 0.9, aiReview: 0.5 } },
    ],
    ['yaml', 'a: &x [1, 2]\nb: *x\n', { a: [1, 2], b: [1, 2] }],
    ['yaml', 'on: yes\n', { on: 'yes' }], // YAML 1.2: no surprise booleans
    [
      'json',
      '{"pipeline":"demo","review":{"queue":"q"}}',
      { pipeline: 'demo', review: { queue: 'q' } },
    ],
    ['json', ' [1, {"a": null}] ', [1, { a: null }]],
  ] as const)('%s parses %j', (format, text, document) => {
    expect(parsePolicyText(text, format)).toEqual({ document, problems: [] });
  });

  it.each([
    ['yaml', 'a: 1\nb: [1, 2\nc: 3\n', /^YAML syntax error at line 3, column 1: /],
    ['yaml', 'a: 1\na: 2\n', /^YAML syntax error at line 2, column 1: Map keys must be unique/],
    ['yaml', 'a: 1\n---\nb: 2\n', /^YAML syntax error at line 2, column 1: .*multiple documents/],
    ['yaml', 'a:\n  b: 1\n c: 2\n', /^YAML syntax error at line 3, column \d+: /],
    ['yaml', 'key: "unterminated\n', /^YAML syntax error at line \d+, column \d+: /],
    ['json', '{"a":1,\n"b":}', /^JSON syntax error at line 2, column 5: unexpected '}'/],
    ['json', '{"a":1', /^JSON syntax error at line 1, column 7: unexpected end of input/],
    ['json', '{"a":1,}', /^JSON syntax error at line 1, column 8: expected '"' but found '}'/],
    ['json', '{\n  "a": tru\n}', /^JSON syntax error at line 2, column 8: /],
    ['json', '{"a": 1} x', /^JSON syntax error at line 1, column 10: unexpected 'x'/],
    ['json', "{'a': 1}", /^JSON syntax error at line 1, column 2: /],
    ['json', '{"a": "tab\there"}', /^JSON syntax error at line 1, column 11: control character/],
    ['json', 'pipeline: demo', /^JSON syntax error at line 1, column 1: /],
  ] as const)('%s syntax error in %j names line and column', (format, text, message) => {
    const result = parsePolicyText(text, format);
    expect(result.document).toBeUndefined();
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].path).toBe('');
    expect(result.problems[0].message).toMatch(message);
    expect(result.problems[0].message).not.toContain('\n');
  });

  it.each([
    ['yaml', ''],
    ['yaml', '  \n\n'],
    ['json', ''],
  ] as const)('%s %j is an empty policy', (format, text) => {
    expect(parsePolicyText(text, format)).toEqual({
      problems: [{ path: '', message: 'the policy is empty' }],
    });
  });

  it('refuses exponential alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    const result = parsePolicyText(bomb.join('\n'), 'yaml');
    expect(result.document).toBeUndefined();
    expect(result.problems[0].path).toBe('');
  });

  it('reports a JSON document nested too deeply without throwing', () => {
    const result = parsePolicyText('['.repeat(200_000), 'json');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toMatch(/^JSON syntax error/);
  });
});
