import { scoreOutput } from '../../engine/score-output';
import { validateScoringConfig } from '../../engine/config-validation';
import type { ValidatorConfig } from '../../scoring.types';
import type { ExternalOutcome } from './webhook.gate';

const entry = (onFail: 'reject' | 'human' | 'flag'): ValidatorConfig => ({
  type: 'webhook',
  onFail,
  url: 'https://rules.example/check',
});

function gate(v: ValidatorConfig, outcome?: ExternalOutcome) {
  const external = outcome ? new Map([[v, outcome]]) : undefined;
  return scoreOutput(
    { input: {}, output: { text: 'x' } },
    { signals: {}, validators: [v], external },
  ).gates[0];
}

describe('webhook gate (outcome evaluated by the caller)', () => {
  it.each<['reject' | 'human' | 'flag', ExternalOutcome | undefined, boolean, string, string[]]>([
    ['reject', { findings: [] }, true, 'reject', []],
    [
      'reject',
      { findings: [{ code: 'webhook.rule', message: 'No.' }] },
      false,
      'reject',
      ['webhook.rule'],
    ],
    [
      'flag',
      { findings: [{ code: 'webhook.rule', message: 'No.' }] },
      false,
      'flag',
      ['webhook.rule'],
    ],
    // A fault is never the client's verdict: people decide, whatever onFail says.
    ['reject', { fault: 'timeout' }, false, 'human', ['webhook.fault']],
    ['flag', { fault: 'malformed answer' }, false, 'human', ['webhook.fault']],
    ['flag', undefined, false, 'human', ['webhook.fault']],
  ])('onFail %s, outcome %j', (onFail, outcome, passed, routedAs, codes) => {
    const g = gate(entry(onFail), outcome);
    expect(g.passed).toBe(passed);
    expect(g.onFail).toBe(routedAs);
    expect(g.findings.map((f) => f.code)).toEqual(codes);
  });

  it.each([
    [{}, 'validators[0].url'],
    [{ url: 'ftp://rules.example' }, 'validators[0].url'],
    [{ url: 'not a url' }, 'validators[0].url'],
    [{ url: 'https://r.example', inputFields: ['secrets'] }, 'validators[0].inputFields[0]'],
    [{ url: 'https://r.example', timeoutMs: 60_000 }, 'validators[0].timeoutMs'],
    [{ url: 'https://r.example', retries: 9 }, 'validators[0].retries'],
  ])('refuses %j naming %s', (opts, path) => {
    const problems = validateScoringConfig({
      signals: {},
      validators: [{ type: 'webhook', onFail: 'human', ...opts }],
    });
    expect(problems.map((p) => p.path)).toContain(path);
  });
});
