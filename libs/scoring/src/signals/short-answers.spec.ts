import { computeSignals } from '../engine/score-output';
import type { SignalOutput } from '../engine/engine.types';

// Short support answers: negations compared across languages and paraphrase, day names checked
// against the schedule they come from, and the short* features that let the fitted model weigh
// a one-line reply by its facts.
function run(name: string, context: string, text: string): SignalOutput {
  const [s] = computeSignals(
    { input: { context: [{ id: 'kb', text: context }] }, output: { text } },
    { signals: { [name]: { weight: 1 } } },
  );
  return s.output;
}

const negationCues = (context: string, text: string): number =>
  (run('contradiction', context, text).evidence as { cues: { kind: string }[] }).cues.filter(
    (c) => c.kind === 'negation',
  ).length;

describe('short answers: negation against the aligned passage', () => {
  const atm =
    'Pengeluaran tunai di ATM bank kami adalah percuma. Pengeluaran di ATM bank lain dikenakan caj RM1 setiap transaksi.';
  const appointment =
    'Suntikan influenza diberikan setiap hari Rabu dan Jumaat, 2 petang hingga 5 petang, tanpa temu janji.';
  const refill =
    'Repeat prescriptions can be requested online without an appointment and are ready for collection in 2 working days.';
  it.each<[string, string, string, number]>([
    [
      'Malay "no charge" against "free"',
      atm,
      'Tiada caj di ATM kami, pengeluaran tunai percuma.',
      0,
    ],
    [
      'Malay negation kept',
      appointment,
      'Suntikan influenza setiap Rabu, tidak perlu temu janji.',
      0,
    ],
    ['Malay negation dropped', appointment, 'Suntikan influenza setiap Rabu, perlu temu janji.', 1],
    [
      'Tagalog negation inserted',
      'Kailangan ng appointment online bago pumunta sa NBI branch.',
      'Hindi kailangan ng appointment bago pumunta sa NBI branch.',
      1,
    ],
    [
      'Tagalog "no fee" against "free"',
      'Libre ang delivery para sa order na ₱1,500 pataas sa Metro Manila.',
      'Walang bayad ang delivery sa Metro Manila para sa order na ₱1,500 pataas.',
      0,
    ],
    [
      'English negation in a neighbouring sentence of the passage',
      'Parcels are delivered Monday to Saturday. There are no deliveries on Sundays.',
      'We deliver on Saturdays but not on Sundays.',
      0,
    ],
    // The passage's "without" negates the appointment only: an answer leaving the appointment
    // out flips nothing; one that requires it does.
    [
      'English, "without" phrase left out',
      refill,
      'Yes, request the repeat online; it will be ready to collect in 2 working days.',
      0,
    ],
    [
      'English, "without" phrase dropped',
      refill,
      'Yes, request the repeat online with an appointment; it will be ready in 2 working days.',
      1,
    ],
    [
      'Malay, "tanpa" phrase left out',
      appointment,
      'Suntikan influenza ada setiap Rabu dan Jumaat petang.',
      0,
    ],
  ])('%s', (_n, context, text, expected) => expect(negationCues(context, text)).toBe(expected));
});

describe('short answers: day names', () => {
  const hours = 'Opening hours: Monday to Saturday 9 am to 6 pm. Sunday 10 am to 4 pm.';
  const days = (context: string, text: string): number =>
    run('contradiction', context, text).features['contradiction.shortDaysLog'];
  it.each<[string, string, string, boolean]>([
    ['a day inside the range', hours, 'We are open on Wednesday from 9 am.', false],
    ['the days named', hours, 'We open at 9 am Monday to Saturday and 10 am on Sunday.', false],
    [
      'a day the schedule does not have',
      'Dr Tan sees patients on Tuesdays and Thursdays.',
      'Dr Tan sees patients on Mondays.',
      true,
    ],
    [
      'Malay day names',
      'Suntikan diberikan setiap hari Rabu dan Jumaat.',
      'Suntikan ada setiap Selasa.',
      true,
    ],
    [
      'a long output is left alone',
      'Dr Tan sees patients on Tuesdays and Thursdays.',
      'Dr Tan sees patients on Mondays, according to the clinic, which published a new schedule for the whole team of doctors, nurses, pharmacists and receptionists working at its branches across the city this year.',
      false,
    ],
  ])('%s', (_n, context, text, flagged) => expect(days(context, text) > 0).toBe(flagged));
});

describe('short* features', () => {
  const ctx = 'Refunds are paid within 5 business days to the original payment method.';
  it('grow with shortness and vanish for long outputs', () => {
    const short = run('grounding', ctx, 'Refunds take 5 business days.').features;
    const long = run(
      'grounding',
      ctx,
      Array.from(
        { length: 8 },
        () => 'Refunds are paid within 5 business days to the original payment method.',
      ).join(' '),
    ).features;
    expect(short['grounding.shortness']).toBeGreaterThan(0.6);
    expect(long['grounding.shortness']).toBeLessThan(0.6);
    expect(short['grounding.shortSupport']).toBeCloseTo(
      short['grounding.shortness'] * short['grounding.support'],
      10,
    );
  });

  it('count a code-switched paraphrase of an English passage as support', () => {
    const f = run('grounding', ctx, 'Refunds dibayar dalam 5 hari bekerja.').features;
    expect(f['grounding.support']).toBeGreaterThan(0.5);
  });

  it('charge an invented name of a short answer more than of a long one', () => {
    const passage = 'Collection is at the ICA Building by appointment.';
    const short = run('entities', passage, 'Collect it at the CPF Building.').features;
    expect(short['entities.shortUngroundedLog']).toBeGreaterThan(0);
  });
});

describe('short answers: forms of address are no names', () => {
  const water = 'Bayaran boleh dibuat di kaunter Air Sentosa Berhad atau melalui aplikasi AirKu.';
  const ungrounded = (text: string): string[] =>
    (run('entities', water, text).evidence as { ungrounded: { text: string }[] }).ungrounded.map(
      (u) => u.text,
    );
  it('skips "Tuan/Puan" (Sir/Madam), not the name after a title', () => {
    expect(ungrounded('Tuan/Puan boleh bayar melalui aplikasi AirKu.')).toEqual([]);
    expect(ungrounded('Bayar di kaunter, Encik, atau melalui AirKu.')).toEqual([]);
    expect(ungrounded('Puan Siti boleh bayar melalui aplikasi AirKu.')).toEqual(['Siti']);
  });
});

describe('short answers: a time of day in the other clock', () => {
  const hotel =
    'Late check-out until 14:00 can be requested at the front desk and costs $25, subject to availability.';
  const unsupported = (text: string): string[] =>
    (
      run('grounding', hotel, text).evidence as { sentences: { unsupported: string[] }[] }
    ).sentences.flatMap((s) => s.unsupported);
  it('holds the "pm" of "2 pm" when the context says 14:00, not of "3 pm"', () => {
    expect(unsupported('Late check-out until 2 pm costs $25.')).toEqual([]);
    expect(unsupported('Late check-out until 3 pm costs $25.')).toEqual(['pm']);
  });
});
