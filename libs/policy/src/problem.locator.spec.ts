import { parseLocatedPolicyText } from './policy-text.parser';
import { pathSegments, policyTextLocator } from './problem.locator';
import { validatePolicy } from './policy.validator';

const YAML = [
  'pipeline: support', // line 1
  'thresholds:',
  '  autoApprove: 1.5',
  'validators:',
  '  - type: length', // line 5
  '    onFail: sometimes',
  'review:',
  '  queue: support',
  '  "odd key": 1',
].join('\n');

describe('pathSegments', () => {
  it.each([
    ['review.queue', ['review', 'queue']],
    ['validators[2].onFail', ['validators', 2, 'onFail']],
    ['review["odd key"]', ['review', 'odd key']],
    ['signals.grounding.weight', ['signals', 'grounding', 'weight']],
    ['thresholds', ['thresholds']],
  ])('%s is %j', (path, segments) => {
    expect(pathSegments(path)).toEqual(segments);
  });

  it('refuses a path joinPath never writes', () => {
    expect(pathSegments('review[x')).toBeNull();
  });
});

describe('policyTextLocator', () => {
  const locate = policyTextLocator(YAML);
  it.each([
    ['thresholds.autoApprove', 3, 3],
    ['validators[0].onFail', 6, 5],
    ['validators[0]', 5, 5],
    ['review["odd key"]', 9, 3],
    // Missing keys point at the deepest part of the path the text has.
    ['thresholds.aiReview', 2, 1],
    ['review.sla', 7, 1],
    ['validators[7].onFail', 4, 1],
  ])('places %s at line %i, column %i', (path, line, column) => {
    expect(locate({ path, message: 'm' })).toEqual({ path, message: 'm', line, column });
  });

  it.each(['', 'ttl'])('gives no place to %j: no path, or none of it in the text', (path) => {
    expect(locate({ path, message: 'm' })).toMatchObject({ line: null, column: null });
  });

  it('places problems in JSON text as well', () => {
    const json = '{\n  "pipeline": "support",\n  "thresholds": { "autoApprove": 2 }\n}';
    expect(policyTextLocator(json)({ path: 'thresholds.autoApprove', message: 'm' })).toMatchObject(
      { line: 3, column: 19 },
    );
  });

  it('places every problem validatePolicy finds in a document written as YAML', () => {
    const parsed = parseLocatedPolicyText(YAML, 'yaml');
    const { problems } = validatePolicy(parsed.document, { pipelineKey: 'support' });
    expect(problems.length).toBeGreaterThan(0);
    const located = problems.map(policyTextLocator(YAML));
    expect(located.every((p) => p.line !== null)).toBe(true);
    expect(located.find((p) => p.path === 'validators[0].onFail')).toMatchObject({ line: 6 });
  });

  it('gives no place to anything when the text does not parse', () => {
    expect(policyTextLocator('a: [1,\n')({ path: 'a', message: 'm' })).toMatchObject({
      line: null,
    });
  });
});

describe('parseLocatedPolicyText', () => {
  it('gives a syntax error its line and column as fields', () => {
    expect(parseLocatedPolicyText('{"a":1,\n"b":}', 'json').problems).toEqual([
      {
        path: '',
        message: expect.stringMatching(/^JSON syntax error at line 2, column 5/),
        line: 2,
        column: 5,
      },
    ]);
  });

  it('gives an empty policy no place', () => {
    expect(parseLocatedPolicyText('  ', 'yaml').problems).toEqual([
      { path: '', message: 'the policy is empty', line: null, column: null },
    ]);
  });
});
