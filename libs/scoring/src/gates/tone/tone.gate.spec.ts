import { scoreOutput } from '../../engine/score-output';
import { validateScoringConfig } from '../../engine/config-validation';
import type { GateResult } from '../../scoring.types';

function gate(text: string, options: Record<string, unknown>, language?: string): GateResult {
  return scoreOutput(
    { input: { language }, output: { text } },
    { signals: {}, validators: [{ type: 'tone', onFail: 'flag', ...options }] },
  ).gates[0];
}
const codes = (text: string, options: Record<string, unknown>, language?: string) =>
  gate(text, options, language).findings.map((f) => f.code);

describe('tone gate', () => {
  it.each([
    [
      'en',
      'formal',
      'Dear Ms Lee, we regret to inform you that your claim cannot be approved. Yours sincerely, Claims.',
      [],
    ],
    ['en', 'formal', 'Hey! gonna be late lol, sorry guys', ['tone.too_casual', 'tone.exclamation']],
    ['en', 'neutral', 'Your order was shipped today and should arrive on Friday.', []],
    ['en', 'casual', 'Yeah no worries, we got you!', []],
    [
      'en',
      'casual',
      'Kindly be advised that, pursuant to clause 4, we hereby acknowledge receipt of your enquiry.',
      ['tone.too_formal'],
    ],
    ['id', 'neutral', 'Pesanan Anda akan tiba dalam dua hari kerja.', []],
    ['id', 'formal', 'Gue udah cek, barangnya nggak ada, sori banget ya bro.', ['tone.too_casual']],
    // The Indonesian shop's complaint: stilted, letter-like Indonesian where a friendly tone was asked.
    [
      'id',
      'casual',
      'Dengan hormat, bersama ini kami sampaikan bahwa pesanan Bapak/Ibu telah dikirim. Hormat kami.',
      ['tone.too_formal'],
    ],
    [
      'ms',
      'formal',
      'Tuan/Puan, dimaklumkan bahawa bayaran tersebut telah diterima. Sekian, terima kasih.',
      [],
    ],
    ['ms', 'formal', 'Weh, barang korang dah sampai tau, check la', ['tone.too_casual']],
    ['th', 'formal', 'กรุณาชำระค่าเบี้ยประกันภายในวันที่ 30 มิถุนายน ขอบพระคุณค่ะ', []],
    ['th', 'formal', 'ของมาถึงแล้วจ้า รีบมารับเลยน้า 555', ['tone.too_casual']],
    ['th', 'neutral', 'คุณสามารถเปลี่ยนที่อยู่จัดส่งได้ในหน้าบัญชี', []],
    [
      'tl',
      'formal',
      'Magandang araw po. Natanggap na po namin ang inyong bayad. Maraming salamat po.',
      [],
    ],
    ['tl', 'formal', 'Uy pare, dumating na yung order mo, kunin mo na', ['tone.too_casual']],
  ])('%s, target %s: %s', (language, target, text, expected) => {
    expect(codes(text, { target }, language)).toEqual(expected);
  });

  it('exposes the formality score as a metric for drift tracking, pass or fail', () => {
    const formal = gate(
      'Dengan hormat, kami sampaikan bahwa permohonan Bapak telah diterima.',
      { target: 'formal' },
      'id',
    );
    const casual = gate('Gue udah kirim ya bro, makasih!', { target: 'formal' }, 'id');
    expect(formal.passed).toBe(true);
    expect(formal.metrics?.['tone.formality']).toBeGreaterThan(0.7);
    expect(casual.metrics?.['tone.formality']).toBeLessThan(0.4);
  });

  it('names the words that set the register', () => {
    const f = gate('Yo dude, gonna ship it tomorrow, no worries', { target: 'formal' }).findings[0];
    expect(f.message).toMatch(/"gonna"|"dude"|"no worries"/);
    expect(f.spans?.length).toBeGreaterThan(0);
  });

  it('flags shouting and readability', () => {
    expect(codes('Your PAYMENT IS OVERDUE and must be paid.', { target: 'neutral' })).toContain(
      'tone.shouting',
    );
    expect(codes('Your CLM number is due.', { target: 'neutral' })).toEqual([]);
    const long =
      'Notwithstanding the aforementioned considerations, the policyholder’s entitlement to indemnification is contingent upon substantiation of the circumstances precipitating the occurrence, documentation thereof, and verification by an independently appointed assessor.';
    const g = gate(long, { target: 'formal', maxGrade: 10 });
    expect(g.findings.map((f) => f.code)).toContain('tone.readability');
    expect(g.metrics?.['tone.grade']).toBeGreaterThan(10);
  });

  it.each([
    [{}, 'validators[0].target'],
    [{ target: 'stiff' }, 'validators[0].target'],
    [{ target: 'formal', languages: ['en', 'xx'] }, 'validators[0].languages[1]'],
    [{ target: 'formal', tolerance: 3 }, 'validators[0].tolerance'],
    [{ target: 'formal', maxExclamations: -1 }, 'validators[0].maxExclamations'],
  ])('refuses %j naming %s', (opts, path) => {
    const problems = validateScoringConfig({
      signals: {},
      validators: [{ type: 'tone', onFail: 'flag', ...opts }],
    });
    expect(problems.map((p) => p.path)).toContain(path);
  });
});
