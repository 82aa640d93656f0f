import { scoreOutput } from '../engine/score-output';
import type { GateResult } from '../scoring.types';
import {
  ibanValid,
  luhnValid,
  myKadValid,
  nikValid,
  nricValid,
  thaiIdValid,
} from './pii-checksums.util';
import { RUNAWAY_MS } from '@arbiter/testing';

function gate(text: string, options: Record<string, unknown> = {}, inputText = ''): GateResult {
  return scoreOutput(
    { input: { prompt: inputText }, output: { text } },
    { signals: {}, validators: [{ type: 'pii', onFail: 'human', ...options }] },
  ).gates[0];
}
const codes = (g: GateResult): string[] =>
  g.findings.map((f) => f.code).filter((c) => c !== 'pii.introduced');

describe('pii checksums', () => {
  it.each([
    ['card visa test', luhnValid('4111111111111111'), true],
    ['card off by one', luhnValid('4111111111111112'), false],
    ['IBAN GB example', ibanValid('GB82 WEST 1234 5698 7654 32'), true],
    ['IBAN bad check digits', ibanValid('GB83WEST12345698765432'), false],
    ['NRIC S1234567D', nricValid('S1234567D'), true],
    ['NRIC wrong letter', nricValid('S1234567A'), false],
    ['FIN G-series', nricValid('G1234567X'), true],
    ['Thai id valid', thaiIdValid('1101700230708'), true],
    ['Thai id bad check digit', thaiIdValid('1101700230709'), false],
    ['MyKad valid date', myKadValid('900101145678'), true],
    ['MyKad month 13', myKadValid('901301145678'), false],
    ['NIK female day +40', nikValid('3171234501900001'), true],
    ['NIK bad province', nikValid('0071234501900001'), false],
  ])('%s', (_n, actual, expected) => expect(actual).toBe(expected));
});

describe('pii gate', () => {
  it.each([
    ['email', 'Write to jane.doe@example.com today', ['pii.email']],
    ['phone, Singapore local format', 'Call me at 9123 4567', ['pii.phone']],
    ['phone, international', 'Ring +44 20 7946 0958', ['pii.phone']],
    ['card with spaces', 'Card 4111 1111 1111 1111 on file', ['pii.card']],
    ['16 digits failing Luhn are not a card', 'Order 4111111111111112', []],
    ['IBAN', 'IBAN GB82WEST12345698765432', ['pii.iban']],
    ['IPv4', 'server 192.168.10.20 is down', ['pii.ip']],
    ['version number is not an IP', 'version 1.2.3 released', []],
    ['OpenAI-style key', 'use sk-abcdefghijklmnopqrstuvwxyz123456', ['pii.secret']],
    ['high-entropy token', 'token=Zx8kQ2vN9pLm4Rt7Wy1Bc6Hd3Jf5Gs0A', ['pii.secret']],
    ['long plain word is no secret', 'antidisestablishmentarianismwordsarelong', []],
    ['SG NRIC', 'NRIC S1234567D attached', ['pii.sg_nric']],
    ['MY MyKad', 'IC 900101-14-5678', ['pii.my_mykad']],
    ['TH id with dashes', 'เลขบัตร 1-1017-00230-70-8', ['pii.th_id']],
    ['ID NIK', 'NIK 3171234501900001', ['pii.id_nik']],
    ['16 digits without a NIK label', 'ref 3171234501900001', []],
    ['PH SSS', 'SSS no. 34-1234567-8', ['pii.ph_id']],
    ['nothing', 'Your claim was approved.', []],
    ['empty', '', []],
  ])('%s', (_n, text, expected) => expect(codes(gate(text))).toEqual(expected));

  it('flags PII absent from the input separately', () => {
    const g = gate(
      'Contact jane@example.com or bob@example.com',
      {},
      'Customer email: jane@example.com',
    );
    const introduced = g.findings.find((f) => f.code === 'pii.introduced');
    expect(introduced?.spans?.map((s) => s.text)).toEqual(['bob@example.com']);
  });

  it('allowFromInput passes PII that was already in the input', () => {
    expect(
      gate(
        'Your email jane@example.com is verified',
        { allowFromInput: true },
        'email jane@example.com',
      ).passed,
    ).toBe(true);
    expect(
      gate(
        'Your email bob@example.com is verified',
        { allowFromInput: true },
        'email jane@example.com',
      ).passed,
    ).toBe(false);
  });

  it('limits detection to the configured kinds', () => {
    expect(codes(gate('jane@example.com 192.168.0.1', { kinds: ['ip'] }))).toEqual(['pii.ip']);
  });

  it('stays linear on long digit runs', () => {
    const t0 = Date.now();
    gate('1 '.repeat(50_000) + '9'.repeat(10_000));
    expect(Date.now() - t0).toBeLessThan(RUNAWAY_MS);
  });
});
