import { scoreOutput } from '../../engine/score-output';
import { validateScoringConfig } from '../../engine/config-validation';
import type { GateResult } from '../../scoring.types';
import { RUNAWAY_MS } from '@arbiter/testing';

function gate(text: string, options: Record<string, unknown> = {}): GateResult {
  return scoreOutput(
    { input: {}, output: { text } },
    { signals: {}, validators: [{ type: 'regulatedAdvice', onFail: 'human', ...options }] },
  ).gates[0];
}
const codes = (text: string, options: Record<string, unknown> = {}) =>
  gate(text, options).findings.map((f) => f.code);

describe('regulatedAdvice gate', () => {
  it.each([
    [
      'en dose',
      'For the headache, take 400 mg of ibuprofen three times a day.',
      ['advice.medical'],
    ],
    [
      'en diagnosis',
      'From what you describe, you probably have a urinary infection.',
      ['advice.medical'],
    ],
    ['en legal', 'You should sue the contractor in the small claims court.', ['advice.legal']],
    [
      'en financial',
      'I recommend you put your bonus into bitcoin this week.',
      ['advice.financial'],
    ],
    ['en referral', 'Please consult your doctor before changing any medication.', []],
    ['en information', 'Ibuprofen is an anti-inflammatory medicine sold without prescription.', []],
    ['en service', 'Your loan statement for April is ready in the app.', []],
    ['ms dose', 'Minum dua tablet parasetamol setiap enam jam.', ['advice.medical']],
    [
      'id financial',
      'Sebaiknya Anda jual saham bank sekarang sebelum turun.',
      ['advice.financial'],
    ],
    ['id legal', 'Anda berhak menggugat penjual itu ke pengadilan.', ['advice.legal']],
    ['ms referral', 'Sila berjumpa doktor jika demam berlanjutan.', []],
    ['th medical', 'คุณควรกินยาแก้แพ้วันละสองครั้ง', ['advice.medical']],
    ['th financial', 'แนะนำให้คุณเอาเงินเก็บไปลงทุนในหุ้นทั้งหมด', ['advice.financial']],
    ['th referral', 'กรุณาปรึกษาแพทย์ก่อนใช้ยา', []],
    ['tl legal', 'Dapat mong idemanda ang kompanya dahil sa kontrata.', ['advice.legal']],
    ['tl medical', 'Uminom ka ng gamot sa lagnat tuwing apat na oras.', ['advice.medical']],
    ['tl service', 'Salamat po, natanggap na namin ang bayad ninyo.', []],
  ])('%s', (_name, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('finds each domain once, with every sentence as a span and a suggestion in its language', () => {
    const text =
      'You should take 20 mg of prednisone daily. Also, you should sell your shares. Stop the pills after a week.';
    const g = gate(text);
    expect(g.findings.map((f) => f.code)).toEqual(['advice.medical', 'advice.financial']);
    expect(g.findings[0].spans).toHaveLength(2);
    expect(g.findings[0].spans?.[0]).toMatchObject({
      start: 0,
      text: 'You should take 20 mg of prednisone daily.',
    });
    expect(g.findings[0].suggestion).toMatch(/doctor/);
    expect(gate('คุณควรหยุดกินยาความดัน').findings[0].suggestion).toMatch(/แพทย์/);
  });

  it('reads every sentence of a long answer, in linear time', () => {
    const t0 = performance.now();
    const text = `${'Your parcel ships today. '.repeat(5000)}You should take 500 mg of amoxicillin twice a day.`;
    expect(codes(text)).toEqual(['advice.medical']);
    expect(performance.now() - t0).toBeLessThan(RUNAWAY_MS);
  });

  it('checks only the configured domains, with the policy’s own terms', () => {
    expect(
      codes('You should sell your shares and sue your broker.', { domains: ['legal'] }),
    ).toEqual(['advice.legal']);
    expect(codes('You should try Ozempic for the weight.')).toEqual([]);
    expect(
      codes('You should try Ozempic for the weight.', { terms: { medical: ['ozempic'] } }),
    ).toEqual(['advice.medical']);
  });

  it.each([
    [{ domains: ['medical', 'astrology'] }, 'validators[0].domains[1]'],
    [{ languages: ['en', 'vi'] }, 'validators[0].languages[1]'],
    [{ terms: { tax: ['vat'] } }, 'validators[0].terms.tax'],
    [{ terms: { medical: [''] } }, 'validators[0].terms.medical'],
    [{ domain: ['medical'] }, 'validators[0].domain'],
  ])('refuses %j naming %s', (opts, path) => {
    const problems = validateScoringConfig({
      signals: {},
      validators: [{ type: 'regulatedAdvice', onFail: 'human', ...opts }],
    });
    expect(problems.map((p) => p.path)).toContain(path);
  });
});
