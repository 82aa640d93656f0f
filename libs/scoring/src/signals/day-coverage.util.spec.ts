import { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { computeSignals } from '../engine/score-output';
import { CONTRADICTED_SHORT_ANSWER_CAP } from '../engine/short-answer-regime';
import { SHORT_ANSWER_MODEL } from '../model/short-answer-model';
import { dayMismatches } from './day-coverage.util';
import { scoreShortAnswer } from './fact-roles.spec-helpers';

// Day ranges and collective day words read as the sets of days they cover.

const analyse = (context: string[], text: string): Analysis =>
  new Analysis({
    input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) },
    output: { text },
  });

const mismatches = (context: string[], text: string): string[] => {
  const a = analyse(context, text);
  return dayMismatches(a, a.context as ContextIndex).map((m) => m.text);
};

const branch = [
  'Bukas ang branch mula 9 am hanggang 3 pm tuwing Lunes hanggang Biyernes.',
  'Sarado ang branch tuwing Sabado at Linggo.',
];
const dental = [
  'A dental check-up costs RM80 and scaling costs RM120.',
  'The dental clinic opens Monday to Saturday, 9 am to 5 pm.',
];
const shop = [
  'Waktu operasi: Isnin hingga Jumaat 10 pagi hingga 10 malam. Sabtu dan Ahad 9 pagi hingga 11 malam.',
];
const gym = ['The gym is open 6 am to 10 pm on weekdays and 8 am to 6 pm on weekends.'];
const sameHours = ['Open 9 am to 5 pm Monday to Friday, and 9 am to 5 pm on Saturday.'];
const postCounter = [
  'Kaunter pos dibuka pukul 8 pagi dan ditutup pukul 1 petang pada hari Sabtu.',
  'Kaunter ditutup pada hari Ahad dan cuti umum.',
];
const courier = ['We deliver Monday to Saturday. No deliveries on Sundays or public holidays.'];

describe('dayMismatches', () => {
  it.each<[string, string[], string, string[]]>([
    // A range over a day the context closes, and its right neighbour.
    [
      'closed day in a range',
      branch,
      'Bukas kami 9 am hanggang 3 pm, Lunes hanggang Sabado.',
      ['Lunes hanggang Sabado'],
    ],
    ['same range', branch, 'Bukas kami 9 am hanggang 3 pm, Lunes hanggang Biyernes.', []],
    ['the answer closes it too', branch, 'Sarado kami tuwing Sabado.', []],
    // A range that ends elsewhere than the context's.
    [
      'range ends later',
      dental,
      'The clinic opens Monday to Sunday 9 am to 5 pm.',
      ['Monday to Sunday'],
    ],
    ['range as written', dental, 'The clinic opens Monday to Saturday 9 am to 5 pm.', []],
    [
      'added day with other hours',
      shop,
      'Kami buka dari 10 pagi hingga 10 malam, Isnin hingga Sabtu.',
      ['Isnin hingga Sabtu'],
    ],
    [
      'a collective read as a range',
      gym,
      'We are open from 6 am to 10 pm Monday to Saturday.',
      ['Monday to Saturday'],
    ],
    // The added day is open with the same hours: a merged range, not a wrong one.
    ['added day with the same hours', sameHours, 'Open 9 am to 5 pm Monday to Saturday.', []],
    // Ranges and collectives for the same sets, both ways.
    [
      'names for collectives',
      gym,
      'We are open from 6 am to 10 pm Monday to Friday, and 8 am to 6 pm on Saturdays and Sundays.',
      [],
    ],
    [
      'collectives for names',
      shop,
      'Kedai dibuka pukul 10 pagi pada hari bekerja dan 9 pagi pada hujung minggu.',
      [],
    ],
    // A closing hour on a day is no closed day; a closed day is.
    ['closing hour', postCounter, 'Kaunter dibuka pukul 8 pagi pada hari Sabtu.', []],
    ['closed day', postCounter, 'Kaunter dibuka pukul 8 pagi pada hari Ahad.', ['Ahad']],
    [
      'after except',
      ['Open daily from 8 am, except Sunday.'],
      'We are open on Sunday from 8 am.',
      ['Sunday'],
    ],
    // "No deliveries" is not read as closed (a plain "not"), and the answer says "not" too.
    [
      'negated in the answer',
      courier,
      'We deliver on Saturdays but not on Sundays or public holidays.',
      [],
    ],
  ])('%s', (_name, context, text, expected) => {
    expect(mismatches(context, text)).toEqual(expected);
  });
});

describe('day words in grounding and entities', () => {
  const run = (name: string, context: string[], text: string) =>
    computeSignals(
      { input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) }, output: { text } },
      { signals: { [name]: { weight: 1 } } },
    )[0].output;

  it('grounds day names by a collective word and the reverse', () => {
    const en =
      'We are open from 6 am to 10 pm Monday to Friday, and 8 am to 6 pm on Saturdays and Sundays.';
    expect(run('grounding', gym, en).features['grounding.support']).toBeGreaterThan(0.8);
    expect(run('entities', gym, en).features['entities.ungroundedLog']).toBe(0);
    const ms = 'Kedai dibuka pukul 10 pagi pada hari bekerja dan 9 pagi pada hujung minggu.';
    expect(run('grounding', shop, ms).features['grounding.support']).toBeGreaterThan(0.4);
    expect(run('entities', shop, ms).features['entities.grounded']).toBe(1);
  });

  it('leaves a day the context does not cover ungrounded', () => {
    const f = run('entities', dental, 'The clinic is open on Sundays.').features;
    expect(f['entities.ungroundedLog']).toBeGreaterThan(0);
  });

  it('reads "5 hari bekerja" as a duration: no day word to check', () => {
    const refunds = ['Bayaran balik dibuat dalam 5 hari bekerja.'];
    const out = run('entities', refunds, 'Bayaran balik mengambil masa 5 hari bekerja.');
    expect(out.score).toBeNull();
  });
});

describe('short answers with other days', () => {
  const score = scoreShortAnswer;

  it('caps a range that ends elsewhere', () => {
    const r = score(dental, 'Dental check-up is RM80, clinic buka Monday to Sunday 9 am to 5 pm.');
    expect(r.model).toBe(`fitted:${SHORT_ANSWER_MODEL.version}`);
    expect(r.confidence).toBeLessThanOrEqual(CONTRADICTED_SHORT_ANSWER_CAP);
  });

  it('leaves the range as written to the model', () => {
    const r = score(
      dental,
      'Dental check-up is RM80, clinic buka Monday to Saturday 9 am to 5 pm.',
    );
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('approves the same schedule by other day words', () => {
    const r = score(
      gym,
      'We are open from 6 am to 10 pm Monday to Friday, and 8 am to 6 pm on Saturdays and Sundays.',
    );
    expect(r.confidence).toBeGreaterThanOrEqual(0.85);
  });
});

describe('collective day words as names', () => {
  const run = (context: string[], text: string) =>
    computeSignals(
      { input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) }, output: { text } },
      { signals: { entities: { weight: 1 } } },
    )[0].output;

  it('grounds "hari bekerja" by the days, not by the word "hari"', () => {
    const weekend = ['Kaunter dibuka setiap hari Sabtu dan Ahad.'];
    expect(run(weekend, 'Kaunter dibuka pada hari bekerja.').features['entities.grounded']).toBe(0);
    expect(run(weekend, 'Kaunter dibuka pada hujung minggu.').features['entities.grounded']).toBe(
      1,
    );
  });
});
