import { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { claimNegationFlips } from './claim-polarity.util';
import { unboundFacts } from './fact-binding.util';

function analyse(context: string[], text: string): [Analysis, ContextIndex] {
  const a = new Analysis({
    input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) },
    output: { text },
  });
  return [a, a.context as ContextIndex];
}

const unbound = (context: string[], text: string) =>
  unboundFacts(...analyse(context, text)).map((f) => `${f.text}:${f.why}`);
const flips = (context: string[], text: string) =>
  claimNegationFlips(...analyse(context, text)).length;

const plans = [
  'The Asia Pass gives 10 GB of data for 7 days in Japan and Korea for $18.',
  'The Global Pass costs $35 and gives 5 GB for 15 days in 60 destinations.',
];
const refunds = [
  'Refunds are paid within 5 business days to the original payment method.',
  'Store credit is issued immediately if you prefer it to a refund.',
];
const hours = [
  'Waktu operasi: Isnin hingga Jumaat 10 pagi hingga 10 malam. Sabtu dan Ahad 9 pagi hingga 11 malam.',
];
const promo = [
  'Ang GoSURF 99 ay may 8GB na data na valid sa loob ng 7 araw.',
  'Ang GoSURF 299 ay may 24GB na data na valid sa loob ng 30 araw.',
];

describe('unboundFacts: a fact the context has, next to another item', () => {
  it.each<[string, string[], string, string[]]>([
    ['English, right', plans, 'For Japan, the Asia Pass is $18 for 10 GB over 7 days.', []],
    [
      'English, the other plan’s price',
      plans,
      'For Japan, the Asia Pass is $35 for 10 GB over 7 days.',
      ['35:displaced'],
    ],
    [
      'English, another unit',
      plans,
      'The Asia Pass costs $18, with 15 GB valid for a week.',
      ['15:unit'],
    ],
    [
      'English, a paraphrased unit agrees',
      refunds,
      'You get your money back within five working days.',
      [],
    ],
    [
      'English, swapped items',
      refunds,
      'Store credit is issued after 5 business days, refunds immediately.',
      ['5:displaced'],
    ],
    ['Malay, right', hours, 'Kami buka dari 10 pagi hingga 10 malam, Isnin hingga Jumaat.', []],
    [
      'Malay, a day of the other schedule',
      hours,
      'Kami buka dari 10 pagi hingga 10 malam, Isnin hingga Sabtu.',
      ['Isnin:displaced', 'Sabtu:displaced'],
    ],
    ['Tagalog, right', promo, 'Sa GoSURF 99, may 8GB data ka na tatagal ng 7 araw.', []],
    [
      'Tagalog, the other promo’s data',
      promo,
      'Sa GoSURF 99, may 24GB data ka na tatagal ng 7 araw.',
      ['24:displaced', '7:displaced'],
    ],
    ['code-switched, right', refunds, 'Refunds dibayar dalam 5 hari bekerja.', []],
    ['no numbers', refunds, 'Refunds go back to the original payment method.', []],
  ])('%s', (_n, context, text, expected) => expect(unbound(context, text)).toEqual(expected));

  it('leaves long outputs alone', () => {
    const long = `${'Refunds are paid within 5 business days to the original payment method. '.repeat(4)}Store credit is issued after 5 business days.`;
    expect(unbound(refunds, long)).toEqual([]);
  });
});

describe('claimNegationFlips: a claim saying "not" or "free" where its source does not', () => {
  const vaccine = [
    'Suntikan influenza diberikan setiap hari Rabu dan Jumaat, 2 petang hingga 5 petang, tanpa temu janji.',
  ];
  const delivery = [
    'Libre ang delivery para sa order na ₱1,500 pataas sa Metro Manila. Sa ibang lugar, ₱150 ang delivery fee.',
  ];
  const parcels = [
    'Standard parcels are delivered Monday to Saturday. There are no deliveries on Sundays or public holidays.',
  ];
  const fasting = [
    'For a cholesterol test, do not eat for 10 hours before the test. Plain water is allowed.',
  ];
  const lockIn = [
    'Libre ang installation para sa mga bagong subscriber na pipili ng 24-month lock-in. Kung walang lock-in, may installation fee na ₱2,500.',
    'Hindi puwedeng mag-downgrade ng plan ang mga naka-lock-in sa unang 6 na buwan, pero puwedeng mag-upgrade anumang oras.',
  ];
  const refill = [
    'Repeat prescriptions can be requested online without an appointment and are ready for collection in 2 working days.',
  ];
  const pharmacy = [
    'Antibiotics are dispensed only with a valid prescription from a registered doctor; prescriptions older than 30 days are not accepted.',
  ];
  const suspension = ['He was suspended for 4 games after the match.'];
  const msPharmacy = [
    'Antibiotik hanya didispens dengan preskripsi sah daripada doktor berdaftar; preskripsi yang berusia lebih 30 hari tidak diterima.',
  ];
  it.each<[string, string[], string, number]>([
    // "Without" negates its next words only: leaving the appointment out is no flip, "do not
    // need an appointment" says what "without an appointment" says, needing one is a flip.
    [
      'English, "without" phrase left out',
      refill,
      'Yes, request the repeat online; it will be ready to collect in 2 working days.',
      0,
    ],
    [
      'English, "without" paraphrased with "not"',
      refill,
      'You do not need an appointment for a repeat prescription; it takes 2 working days.',
      0,
    ],
    [
      'English, "without" dropped',
      refill,
      'Yes, a repeat prescription needs an appointment; it takes 2 working days.',
      1,
    ],
    [
      'English, right',
      parcels,
      'We deliver on Saturdays but not on Sundays or public holidays.',
      0,
    ],
    ['English, negation dropped', parcels, 'We deliver on Sundays but not on Saturdays.', 2], // both claims,
    [
      'English, topic before a comma',
      fasting,
      'For a cholesterol test, don’t eat anything for 10 hours; water is fine.',
      0,
    ],
    // A negator after ", and" stays in its own clause; without the comma the claim is one.
    [
      'English, a negated clause after ", and"',
      pharmacy,
      'You need a prescription from a registered doctor, and it must not be older than 30 days.',
      0,
    ],
    [
      'Malay, a negated clause after ", dan"',
      msPharmacy,
      'Perlu preskripsi doktor berdaftar, dan preskripsi itu tidak boleh melebihi 30 hari.',
      0,
    ],
    [
      'Malay, no comma before "dan": one negated claim, as before',
      msPharmacy,
      'Perlu preskripsi doktor berdaftar untuk antibiotik dan preskripsi itu tidak boleh melebihi 30 hari.',
      1,
    ],
    // A clause with no word of its own before ", and" stays with the next one.
    [
      'English, an elliptic "did not, and …"',
      suspension,
      'He did not, and he was suspended for 4 games.',
      1,
    ],
    [
      'Malay, negation kept',
      vaccine,
      'Anda boleh datang pada hari Rabu atau Jumaat; tidak perlu temu janji.',
      0,
    ],
    [
      'Malay, negation dropped',
      vaccine,
      'Suntikan ada setiap Rabu dan Jumaat, tetapi perlu temu janji.',
      1,
    ],
    [
      'Tagalog, "no fee" is "free"',
      delivery,
      'Walang bayad ang delivery sa Metro Manila para sa order na ₱1,500 pataas.',
      0,
    ],
    [
      'Tagalog, "has a fee" against "free"',
      delivery,
      'May bayad ang delivery sa Metro Manila kahit ₱1,500 pataas ang order.',
      1,
    ],
    [
      'code-switched, negation inserted',
      fasting,
      'For cholesterol test, you tak boleh minum plain water.',
      1,
    ],
    // A "not" counts in the comma part holding the clause's words: a condition's ("kung wala")
    // or another part's ("Walang bayad …, at puwede …") says nothing about that clause.
    [
      'Tagalog, negated condition before a comma',
      lockIn,
      'Libre po ang installation sa 24-month lock-in; kung wala, ₱2,500 ang installation fee.',
      0,
    ],
    [
      'Tagalog, "no fee" in another comma part',
      lockIn,
      'Libre ang installation sa 24-month lock-in, at puwede kayong mag-upgrade ng plan anumang oras, walang bayad.',
      0,
    ],
    [
      'English, a bare "not" before a comma',
      parcels,
      'They do not, and standard parcels are delivered Monday to Saturday.',
      1,
    ],
    [
      'Tagalog, negation in the part holding the words',
      lockIn,
      'Kung may lock-in, hindi puwedeng mag-upgrade ng plan anumang oras.',
      1,
    ],
  ])('%s', (_n, context, text, expected) => expect(flips(context, text)).toBe(expected));
});

describe('unboundFacts: a word that bounds a figure is no unit', () => {
  const rental = ['Kailangan ng valid na ID. Dapat 21 taong gulang pataas ang driver.'];
  it.each<[string, string, string[]]>([
    // "21 pataas" (21 and up) leaves the context's unit, years of age, unsaid
    ['Tagalog "pataas"', 'Dapat 21 pataas ang edad ng driver.', []],
    // neighbour: a figure in another unit is still one
    ['another unit', 'Dapat 21 araw pataas ang edad ng driver.', ['21:unit']],
  ])('%s', (_n, text, expected) => expect(unbound(rental, text)).toEqual(expected));
});
