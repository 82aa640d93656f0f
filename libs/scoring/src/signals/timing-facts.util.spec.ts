import { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { CONTRADICTED_SHORT_ANSWER_CAP } from '../engine/short-answer-regime';
import { factRoles } from './fact-roles.util';
import { instantTimings } from './timing-facts.util';
import { scoreShortAnswer } from './fact-roles.spec-helpers';

function swaps(context: string[], text: string): string[] {
  const a = new Analysis({
    input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) },
    output: { text },
  });
  return factRoles(a, a.context as ContextIndex)
    .filter((r) => r.kind === 'swapped')
    .map((r) => r.text);
}

describe('instantTimings', () => {
  it.each<[string, string[]]>([
    ['Kredit kedai diberikan serta-merta.', ['serta-merta']],
    ['Store credit is issued immediately, or the same day.', ['immediately', 'same day']],
    ['Ibabalik agad ang bayad.', ['agad']],
    ['Refunds take 5 business days.', []],
    // Inside another word it is no timing word.
    ['Agaddi and segerakan.', []],
  ])('%s → %j', (text, expected) =>
    expect(instantTimings(text).map((q) => q.text)).toEqual(expected),
  );

  it('never matches a figure', () => {
    const [q] = instantTimings('immediately');
    expect(Number.isNaN(q.value)).toBe(true);
    expect(q.date).toBe('timing-instant');
  });
});

describe('factRoles: a figureless timing bound to the wrong item', () => {
  // support-answers-dev ms-shop-refund-w2: refunds take 5 working days, store credit is
  // immediate; the answer says the reverse (0.86 before).
  const msRefund = [
    'Bayaran balik akan dikreditkan dalam masa 5 hari bekerja ke kaedah pembayaran asal.',
    'Kredit kedai diberikan serta-merta jika pelanggan memilihnya.',
  ];
  const enRefund = ['Refunds take 5 business days, while store credit is issued immediately.'];

  it.each<[string[], string, boolean]>([
    [
      msRefund,
      'Bayaran balik dikreditkan serta-merta, manakala kredit kedai mengambil masa 5 hari bekerja.',
      true,
    ],
    [msRefund, 'Bayaran balik mengambil masa 5 hari bekerja, kredit kedai serta-merta.', false],
    [msRefund, 'Kredit kedai diberikan serta-merta.', false],
    [enRefund, 'Refunds are immediate, store credit takes 5 business days.', true],
    [enRefund, 'Store credit is immediate and refunds take 5 business days.', false],
    [enRefund, 'Store credit is issued immediately.', false],
    [enRefund, 'Refunds take 5 business days.', false],
  ])('%#: %s', (context, text, swapped) => expect(swaps(context, text).length > 0).toBe(swapped));
});

describe('short answers with a swapped timing', () => {
  const context = [
    'Bayaran balik akan dikreditkan dalam masa 5 hari bekerja ke kaedah pembayaran asal.',
    'Kredit kedai diberikan serta-merta jika pelanggan memilihnya.',
  ];
  const score = (text: string): number => scoreShortAnswer(context, text).confidence;

  it('caps the swap and leaves the right binding to the model', () => {
    expect(
      score(
        'Bayaran balik dikreditkan serta-merta, manakala kredit kedai mengambil masa 5 hari bekerja.',
      ),
    ).toBeLessThanOrEqual(CONTRADICTED_SHORT_ANSWER_CAP);
    expect(score('Bayaran balik mengambil masa 5 hari bekerja.')).toBeGreaterThan(0.5);
  });
});
