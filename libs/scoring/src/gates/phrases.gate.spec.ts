import { scoreOutput } from '../engine/score-output';
import type { GateResult } from '../scoring.types';
import { RUNAWAY_MS } from '@arbiter/testing';

function gate(text: string, options: Record<string, unknown>): GateResult {
  return scoreOutput(
    { input: {}, output: { text } },
    { signals: {}, validators: [{ type: 'phrases', onFail: 'human', ...options }] },
  ).gates[0];
}

describe('phrases gate', () => {
  const deny = {
    deny: ['fraudulent claim', { phrase: 'guaranteed', suggest: 'expected' }],
    suggest: 'claim not covered by policy',
  };
  it.each([
    ['plain match', 'This is a fraudulent claim.', ['phrase.denied']],
    ['case-insensitive', 'This is a FRAUDULENT Claim.', ['phrase.denied']],
    ['extra whitespace and a line break', 'a fraudulent \n  claim', ['phrase.denied']],
    ['zero-width space inside a word', 'a fraud\u200Bulent claim', ['phrase.denied']],
    ['soft hyphen inside a word', 'a fraudu\u00ADlent claim', ['phrase.denied']],
    ['no match inside a longer word', 'nonfraudulent claimant', []],
    ['clean text', 'Your claim is being processed.', []],
    ['empty text', '', []],
  ])('deny: %s', (_n, text, codes) =>
    expect(gate(text, deny).findings.map((f) => f.code)).toEqual(codes),
  );

  it('carries the per-phrase suggestion, else the global one, and the span', () => {
    const g = gate('Returns are guaranteed. A fraudulent claim.', deny);
    const byPhrase = g.findings.map((f) => f.suggestion);
    expect(byPhrase).toEqual(['claim not covered by policy', 'expected']);
    expect(g.findings[1].spans?.[0]).toMatchObject({ start: 12, end: 22, text: 'guaranteed' });
  });

  it.each([
    ['required present', 'Kind regards, Arbiter Insurance', []],
    ['required missing', 'Bye', ['phrase.required_missing']],
  ])('require: %s', (_n, text, codes) =>
    expect(gate(text, { require: ['kind regards'] }).findings.map((f) => f.code)).toEqual(codes),
  );

  it('regex with custom code and message', () => {
    const g = gate('Call 555-1234 now', {
      regex: [
        { pattern: '\\d{3}-\\d{4}', code: 'phrase.phone_like', message: 'No phone numbers.' },
      ],
    });
    expect(g.findings).toEqual([
      expect.objectContaining({
        code: 'phrase.phone_like',
        message: 'No phone numbers.',
        spans: [{ start: 5, end: 13, text: '555-1234' }],
      }),
    ]);
  });

  it('matches Thai phrases inside unspaced text', () => {
    expect(gate('ลูกค้าฉ้อโกงประกัน', { deny: ['ฉ้อโกง'] }).passed).toBe(false);
  });

  it('stays fast on a huge adversarial input', () => {
    const t0 = Date.now();
    gate('fraudulent '.repeat(20_000), { deny: ['fraudulent claim'], regex: ['a+b'] });
    expect(Date.now() - t0).toBeLessThan(RUNAWAY_MS);
  });
});
