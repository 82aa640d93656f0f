import { scoreOutput } from '../../engine/score-output';
import { validateScoringConfig } from '../../engine/config-validation';
import type { GateResult, ScoringInput } from '../../scoring.types';
import { RUNAWAY_MS } from '@arbiter/testing';

const DENIAL_EN = {
  name: 'denial-en',
  text: 'Dear {{name}},\n\nYour claim {{claim:CLM-\\d{6}}} is not covered by policy {{policy:P\\d{4,8}}}. The reason: {{reason}}.\n\nYou may appeal within 30 days.\n\nArbiter Insurance',
};
const APPROVAL_EN = {
  name: 'approval-en',
  text: 'Dear {{name}},\n\nYour claim {{claim}} has been approved. We will pay {{amount:(THB|MYR|USD) [\\d,.]+}} within 5 business days.\n\nArbiter Insurance',
};
const DENIAL_TH = {
  name: 'denial-th',
  text: 'เรียน คุณ{{name}} การเรียกร้องเลขที่ {{claim:CLM-\\d{6}}} ไม่อยู่ในความคุ้มครองตามกรมธรรม์ ขอแสดงความนับถือ',
};
const DENIAL_MS = {
  name: 'denial-ms',
  text: 'Tuan/Puan {{name}}, tuntutan {{claim:CLM-\\d{6}}} anda tidak dilindungi oleh polisi. Sila hubungi kami dalam masa 30 hari.',
};
const options = { templates: [DENIAL_EN, APPROVAL_EN, DENIAL_TH, DENIAL_MS] };

function gate(output: ScoringInput['output'], extra: Record<string, unknown> = {}): GateResult {
  return scoreOutput(
    { input: {}, output },
    { signals: {}, validators: [{ type: 'template', onFail: 'reject', ...options, ...extra }] },
  ).gates[0];
}
const codes = (text: string) => gate({ text }).findings.map((f) => f.code);

const GOOD_EN =
  'Dear Ms Lim,\n\nYour claim CLM-123456 is not covered by policy P20419. The reason: flood damage is excluded.\n\nYou may appeal within 30 days.\n\nArbiter Insurance';

describe('template gate', () => {
  it.each([
    ['the English denial as written', GOOD_EN, []],
    [
      'with other whitespace and punctuation',
      GOOD_EN.replace(/\n\n/g, ' ').replace('Dear Ms Lim,', 'DEAR  Ms Lim —'),
      [],
    ],
    [
      'the approval letter',
      'Dear Mr Tan,\n\nYour claim CLM-222222 has been approved. We will pay MYR 1,200.50 within 5 business days.\n\nArbiter Insurance',
      [],
    ],
    [
      'the Thai denial (no spaces between words)',
      'เรียน คุณสมชาย การเรียกร้องเลขที่ CLM-654321 ไม่อยู่ในความคุ้มครองตามกรมธรรม์ ขอแสดงความนับถือ',
      [],
    ],
    [
      'the Malay denial',
      'Tuan/Puan Aminah, tuntutan CLM-111111 anda tidak dilindungi oleh polisi. Sila hubungi kami dalam masa 30 hari.',
      [],
    ],
    [
      'a claim number in the wrong form',
      GOOD_EN.replace('CLM-123456', 'claim #123'),
      ['template.slot'],
    ],
    [
      'an empty slot',
      GOOD_EN.replace('The reason: flood damage is excluded.', 'The reason: .'),
      ['template.slot_empty'],
    ],
    [
      'only the fixed text, every slot left out',
      'Dear Your claim is not covered by policy The reason You may appeal within 30 days Arbiter Insurance',
      ['template.slot_empty', 'template.slot_empty', 'template.slot_empty', 'template.slot_empty'],
    ],
    [
      'reworded fixed text',
      GOOD_EN.replace(
        'is not covered by policy',
        'was rejected as a fraudulent claim under policy',
      ),
      ['template.mismatch'],
    ],
    ['text added outside the slots', `${GOOD_EN}\n\nPS: we think you lied.`, ['template.mismatch']],
    ['a free-form reply', 'Sorry, we cannot pay this claim.', ['template.none']],
    [
      'the Thai denial with a changed clause',
      'เรียน คุณสมชาย การเรียกร้องเลขที่ CLM-654321 ถูกปฏิเสธเพราะฉ้อโกง ขอแสดงความนับถือ',
      ['template.mismatch'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('names the closest template and what it lacks, and suggests its text', () => {
    const f = gate({ text: GOOD_EN.replace('is not covered by policy', 'is denied under policy') })
      .findings[0];
    expect(f.code).toBe('template.mismatch');
    expect(f.message).toContain('"denial-en"');
    expect(f.message).toContain('"not covered by"');
    expect(f.suggestion).toBe(DENIAL_EN.text);
  });

  it('points a slot finding at the slot value', () => {
    const text = GOOD_EN.replace('CLM-123456', 'XYZ');
    const f = gate({ text }).findings[0];
    expect(f.spans?.[0]).toMatchObject({
      start: text.indexOf('XYZ'),
      end: text.indexOf('XYZ') + 3,
    });
  });

  it('checks a JSON field, and uses shared slot patterns', () => {
    const extra = {
      field: 'body',
      templates: [{ name: 't', text: 'Ref {{ref}} closed.' }],
      slots: { ref: 'R\\d+' },
    };
    expect(gate({ json: { body: 'Ref R42 closed.' } }, extra).findings).toEqual([]);
    expect(gate({ json: { body: 'Ref 42 closed.' } }, extra).findings.map((f) => f.code)).toEqual([
      'template.slot',
    ]);
    expect(gate({ json: { other: '' } }, extra).findings.map((f) => f.code)).toEqual([
      'template.missing',
    ]);
  });

  it('stays fast on a long near-miss', () => {
    const t0 = performance.now();
    // The reason slot overflows maxSlotLength: every fixed word is there, so the matcher runs.
    const text = GOOD_EN.replace('flood damage is excluded', 'lorem ipsum '.repeat(4000));
    expect(codes(text)).toEqual(['template.slot']);
    // Several slots each followed by a word the output repeats: a backtracking matcher takes
    // seconds here (10 s at 50 repeats with a regular expression of lazy slots).
    const many = {
      templates: [{ name: 't', text: 'Start {{a}} the {{b}} the {{c}} the {{d}} the end.' }],
    };
    const repeated = `Start ${'the '.repeat(5000)}end x`;
    expect(gate({ text: repeated }, many).findings.map((f) => f.code)).toEqual([
      'template.mismatch',
    ]);
    expect(gate({ text: `Start a the b the c the d the end.` }, many).findings).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(RUNAWAY_MS);
  });

  it.each([
    [{ templates: [{ name: 'a', text: 'Hello {{name' }] }, 'validators[0].templates[0].text'],
    [{ templates: [{ name: 'a', text: 'Hello {{na me}} x' }] }, 'validators[0].templates[0].text'],
    [
      { templates: [{ name: 'a', text: 'Hello {{n:(a+)+}} x' }] },
      'validators[0].templates[0].text',
    ],
    [{ templates: [{ name: 'a', text: 'Hello {{n:[}} x' }] }, 'validators[0].templates[0].text'],
    [{ templates: [{ name: 'a', text: 'Hi {{a}} {{b}}' }] }, 'validators[0].templates[0].text'],
    [{ templates: [{ name: 'a', text: '{{only}}' }] }, 'validators[0].templates[0].text'],
    [
      {
        templates: [
          { name: 'a', text: 'x' },
          { name: 'a', text: 'y' },
        ],
      },
      'validators[0].templates[1].name',
    ],
    [{ templates: [] }, 'validators[0].templates'],
    [{ templates: [{ name: 'a', text: 'x {{r}}' }], slots: { r: '(' } }, 'validators[0].slots.r'],
    [{ templates: [{ name: 'a', text: 'x' }], minSimilarity: 2 }, 'validators[0].minSimilarity'],
  ])('refuses %j naming %s', (opts, path) => {
    const problems = validateScoringConfig({
      signals: {},
      validators: [{ type: 'template', onFail: 'human', ...opts }],
    });
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('accepts the letters above', () => {
    expect(
      validateScoringConfig({
        signals: {},
        validators: [{ type: 'template', onFail: 'human', ...options }],
      }),
    ).toEqual([]);
  });
});
