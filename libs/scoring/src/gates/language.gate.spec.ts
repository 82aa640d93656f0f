import { scoreOutput } from '../engine/score-output';
import type { GateResult } from '../scoring.types';
import { detectLanguages } from '../text/language-detect.util';
import { tokenize } from '../text/tokens.util';

function gate(text: string, allowed?: string[], language?: string): GateResult {
  return scoreOutput(
    { input: { language }, output: { text } },
    {
      signals: {},
      validators: [{ type: 'language', onFail: 'human', ...(allowed ? { allowed } : {}) }],
    },
  ).gates[0];
}
const detect = (s: string): string[] =>
  detectLanguages(
    s,
    tokenize(s).map((t) => t.norm),
  ).sort();

describe('language detection', () => {
  it.each([
    ['English', 'The claim was approved and the payment is on its way.', ['en']],
    ['Malay', 'Tuntutan anda sudah diluluskan dan bayaran akan dibuat dalam minggu ini.', ['ms']],
    [
      'Tagalog',
      'Ang iyong claim ay naaprubahan na at darating ang bayad sa susunod na linggo.',
      ['tl'],
    ],
    ['Thai without spaces', 'การเคลมของคุณได้รับการอนุมัติแล้ว', ['th']],
    [
      'Malay–English code-switching',
      'Okay so the claim dah approved, nanti bayaran akan masuk dalam account you.',
      ['en', 'ms'],
    ],
    ['Taglish', 'Sige po, the payment will be sent na sa account mo this week.', ['en', 'tl']],
    ['Thai with an English brand', 'ผมใช้ iPhone ทุกวัน', ['th']],
  ])('%s', (_n, text, langs) => expect(detect(text)).toEqual(langs));
});

describe('language gate', () => {
  it.each([
    ['English allowed', 'The claim was approved and the payment is on its way.', ['en'], true],
    ['Thai allowed', 'การเคลมของคุณได้รับการอนุมัติแล้ว ขอบคุณที่ใช้บริการ', ['en', 'th'], true],
    ['Thai not allowed', 'การเคลมของคุณได้รับการอนุมัติแล้ว ขอบคุณที่ใช้บริการ', ['en'], false],
    [
      'Manglish passes when both are allowed',
      'Okay so the claim dah approved, nanti bayaran akan masuk dalam account you.',
      ['en', 'ms'],
      true,
    ],
    [
      'Indonesian accepted under ms',
      'Klaim anda sudah disetujui dan pembayaran akan dikirim minggu ini.',
      ['ms'],
      true,
    ],
    [
      'Taglish passes with en and tl',
      'Sige po, the payment will be sent na sa account mo this week.',
      ['en', 'tl'],
      true,
    ],
    [
      'Taglish fails with en only',
      'Sige po, the payment will be sent na sa account mo this week.',
      ['en'],
      false,
    ],
    ['Spanish not allowed', 'El pago se ha enviado a su cuenta y llegará pronto.', ['en'], false],
    ['short sentences are not judged', 'OK po.', ['en'], true],
    ['empty', '', ['en'], true],
  ])('%s', (_n, text, allowed, passed) => expect(gate(text, allowed).passed).toBe(passed));

  it('falls back to input.language when allowed is not set', () => {
    expect(gate('การเคลมของคุณได้รับการอนุมัติแล้ว', undefined, 'en').passed).toBe(false);
    expect(gate('การเคลมของคุณได้รับการอนุมัติแล้ว', undefined, 'th').passed).toBe(true);
  });
});
