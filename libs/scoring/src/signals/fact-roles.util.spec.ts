import { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { SHORT_ANSWER_MODEL } from '../model/short-answer-model';
import { CONTRADICTED_SHORT_ANSWER_CAP } from '../engine/short-answer-regime';
import { factRoles } from './fact-roles.util';
import { roles, scoreShortAnswer } from './fact-roles.spec-helpers';

const checkIn = [
  'Check-in closes 45 minutes before domestic flights and 60 minutes before international flights.',
];
const tlCheckIn = [
  'Magsasara ang check-in counter 45 minuto bago ang domestic flight at 60 minuto bago ang international flight.',
  'Bukas ang online check-in 48 oras bago ang flight.',
];
const msCounter = ['Kaunter dibuka pukul 9 pagi setiap hari bekerja.'];
const hours = ['Our store is open 9 am to 9 pm Monday to Saturday and 10 am to 6 pm on Sunday.'];
const hotline = ['Call the 24-hour hotline on 1800 222 3333 to block a lost card.'];
const passport = [
  'Ang regular na passport ay ₱950 at ang expedited na passport ay ₱1,200.',
  'Ang regular ay makukuha sa loob ng 12 araw ng trabaho.',
];
const postCounter = [
  'Kaunter pos dibuka pukul 8 pagi dan ditutup pukul 1 petang pada hari Sabtu.',
  'Kaunter ditutup pada hari Ahad dan cuti umum.',
];
const gym = ['The gym is open 6 am to 10 pm on weekdays and 8 am to 6 pm on weekends.'];
const library = ['Opening hours: the library opens at 9 am on weekdays.'];
const transfers = ['Overseas transfers cost $25 at the counter and $10 in the app.'];
const dental = ['A dental check-up costs RM80 and scaling costs RM120.'];
const asean = [
  'Overseas transfers cost $25 each, and transfers to ASEAN countries cost $10.',
  'Transfers are processed within 2 business days.',
];
const tlDelivery = [
  'Libre ang delivery para sa order na ₱1,500 pataas sa Metro Manila. Sa ibang lugar, ₱150 ang delivery fee.',
];

describe('factRoles', () => {
  it.each([
    // A pair of figures reversed inside one sentence, in English and Tagalog.
    [
      checkIn,
      'Check-in closes 60 minutes before domestic flights and 45 before international ones.',
      ['60:swapped', '45:swapped'],
    ],
    [
      tlCheckIn,
      'Nagsasara ang check-in 60 minuto bago ang domestic flight at 45 minuto bago ang international.',
      ['60:swapped', '45:swapped'],
    ],
    // The same figures the right way round, and a paraphrase naming only one.
    [
      checkIn,
      'It closes 45 minutes before domestic flights and 60 minutes before international ones.',
      [],
    ],
    [
      tlCheckIn,
      'Para sa international flight, sarado na ang check-in isang oras bago umalis; 45 minuto naman para sa domestic.',
      [],
    ],
    // An opposite outside WordNet: Tagalog open/close, Malay dibuka/ditutup.
    [
      tlCheckIn,
      'Nagbubukas ang check-in counter 45 minuto bago ang domestic flight.',
      ['45:opposite'],
    ],
    [tlCheckIn, 'Nagsasara ang check-in 45 minuto bago ang domestic flight.', []],
    [msCounter, 'Kaunter ditutup pukul 9 pagi pada hari bekerja.', ['9:opposite']],
    [msCounter, 'Kaunter dibuka jam 9 pagi pada hari bekerja.', []],
    // A Tagalog two-word pole: "may bayad" (paid) against "libre" (free); "walang bayad" agrees.
    [
      tlDelivery,
      'May bayad ang delivery sa Metro Manila kahit ₱1,500 pataas ang order.',
      [
        '1,500:opposite',
        // "May bayad" (a fee) where its clause says "Libre" (figure-claim-negation.util.ts).
        'May bayad ang delivery sa Metro Manila kahit ₱1,500 pataas ang order:flippedNegation',
      ],
    ],
    [tlDelivery, 'Walang bayad ang delivery sa Metro Manila para sa order na ₱1,500 pataas.', []],
    // Tagalog "at" ("and") before a clause parts two clauses; English "at" parts nothing.
    [
      passport,
      '₱1,200 ang regular na passport, ₱950 naman ang expedited.',
      ['1,200:swapped', '950:swapped'],
    ],
    [passport, '₱950 ang regular na passport, ₱1,200 naman ang expedited.', []],
    [transfers, 'A transfer costs $25 at the counter and $10 in the app.', []],
    // A sentence holding both poles: the clause holding the figure decides; a day name is the
    // whole sentence's.
    [postCounter, 'Kaunter pos ditutup pukul 8 pagi hari Sabtu.', ['8:opposite']],
    [postCounter, 'Kaunter pos dibuka pukul 8 pagi hari Sabtu.', []],
    [postCounter, 'Kaunter ditutup pukul 1 petang pada hari Sabtu.', []],
    [postCounter, 'Pada hari Sabtu kaunter dibuka dari 8 pagi hingga 1 petang.', []],
    // A range's last figure is where it closes, its first where it opens.
    [gym, 'On weekdays the gym opens at 6 am and closes at 10 pm.', []],
    [gym, 'On weekends the gym closes at 8 am.', ['8:opposite']],
    // A clause holding no pole: the sentence decides.
    [library, 'The library closes at 9 am on weekdays.', ['9:opposite']],
    // Ranges and phone numbers are one group of facts: no swap inside them.
    [hours, 'We open at 9 am Monday to Saturday and at 10 am on Sunday.', []],
    [hotline, 'Ring 1800 222 3333 any time to block your card.', []],
    // Two claims sharing one word each with the passage, each by the other's figure, are a
    // swap; one claim whose word also sits by another figure is not.
    [dental, 'Check-up RM120 je, kalau nak scaling RM80.', ['120:swapped', '80:swapped']],
    [dental, 'Check-up RM80 je, kalau nak scaling RM120.', []],
    [
      asean,
      'It is $10 for ASEAN countries and $25 for other countries, processed within 2 business days.',
      [],
    ],
    // A figure the context does not have is the numbers signal's, not a role.
    [checkIn, 'Check-in closes 30 minutes before domestic flights.', []],
  ])('case %#', (context, text, expected) => {
    expect(roles(context, text).sort()).toEqual([...expected].sort());
  });

  it('checks a claim without a figure against the clause holding its words', () => {
    const fibre = [
      'The 100Mbps plan costs RM89 a month.',
      'Pemasangan adalah percuma untuk pelanggan baharu.',
    ];
    expect(roles(fibre, 'RM89 sebulan, dan pemasangan berbayar untuk pelanggan baharu.')).toEqual([
      'pemasangan berbayar untuk pelanggan baharu:opposite',
    ]);
    expect(roles(fibre, 'RM89 sebulan, dan pemasangan percuma untuk pelanggan baharu.')).toEqual(
      [],
    );
    expect(roles(tlDelivery, 'May bayad ang delivery sa Metro Manila.')).toEqual([
      'May bayad ang delivery sa Metro Manila:opposite',
    ]);
    expect(roles(tlDelivery, 'Walang bayad ang delivery sa Metro Manila.')).toEqual([]);
  });

  it("flags a claim without a figure that flips its clause's negation", () => {
    const fasting = [
      'For a cholesterol test, do not eat for 10 hours before the test. Plain water is allowed.',
    ];
    expect(roles(fasting, "Don't eat for 10 hours, and don't drink water either.")).toEqual([
      "don't drink water either:flippedNegation",
    ]);
    expect(roles(fasting, "Don't eat for 10 hours, and you can drink water.")).toEqual([]);
    const refill = [
      'Repeat prescriptions can be requested online without an appointment, ready in 2 days.',
    ];
    expect(
      roles(refill, 'A repeat prescription always needs an appointment, ready in 2 days.'),
    ).toEqual(['A repeat prescription always needs an appointment:flippedNegation']);
    // "Without" negates only the words after it; a negated list stays one clause.
    expect(roles(refill, 'Request the repeat prescription online, ready in 2 days.')).toEqual([]);
    const courier = [
      'There are no deliveries on Sundays or public holidays, only Monday to Saturday.',
    ];
    expect(roles(courier, 'Monday to Saturday only; public holidays have none.')).toEqual([]);
  });

  // "Not optional" says "required" in two words: its "not" is of "optional", not of the rule, so
  // a right answer saying it was capped as a flipped negation of "… is required".
  it('reads "not optional" as the requirement it is', () => {
    const proof = [
      'Defective items can be returned within 30 days of delivery. Photo or video proof of the defect is required.',
    ];
    const head = 'Returns are accepted within 30 days;';
    expect(roles(proof, `${head} photo proof of the defect is not optional.`)).toEqual([]);
    expect(roles(proof, `${head} photo proof of the defect is optional.`)).toEqual([
      'photo proof of the defect is optional:flippedNegation',
    ]);
    expect(roles(proof, `${head} photo proof of the defect is not required.`)).toContain(
      'photo proof of the defect is not required:flippedNegation',
    );
  });

  // A leading condition stays with its main clause: "If the driver cancels" alone matched the
  // passage's negated "No fee is charged if the driver cancels" and capped a right answer.
  it('compares a condition put first together with its main clause', () => {
    const fees = [
      'No fee is charged if the driver cancels. A rider who cancels after 5 minutes pays RM5.',
    ];
    const tail = 'riders pay RM5 after 5 minutes.';
    expect(roles(fees, `If the driver cancels, no fee is charged; ${tail}`)).toEqual([]);
    expect(roles(fees, `If the driver cancels, a fee is charged; ${tail}`)).toEqual([
      'If the driver cancels, a fee is charged:flippedNegation',
    ]);
    expect(roles(fees, `A fee is charged if the driver cancels; ${tail}`)).toEqual([
      'A fee is charged if the driver cancels:flippedNegation',
    ]);
    const caj = [
      'Tiada caj dikenakan jika pemandu membatalkan. Penumpang yang membatalkan selepas 5 minit membayar RM5.',
    ];
    const ekor = 'penumpang bayar RM5 selepas 5 minit.';
    expect(roles(caj, `Jika pemandu membatalkan, tiada caj; ${ekor}`)).toEqual([]);
    expect(roles(caj, `Jika pemandu membatalkan, caj dikenakan; ${ekor}`)).toEqual([
      'Jika pemandu membatalkan, caj dikenakan:flippedNegation',
    ]);
  });

  // An exception says "not" of the claim it qualifies without a "not" of its own: "except sale
  // items" agrees with "Sale items cannot be returned"; the claim that includes them does not.
  it('leaves the polarity of an exception unjudged', () => {
    const returns = [
      'Items can be returned within 30 days of delivery. Sale items cannot be returned.',
    ];
    expect(roles(returns, 'Items can be returned within 30 days, except sale items.')).toEqual([]);
    expect(roles(returns, 'Other than sale items, returns are accepted within 30 days.')).toEqual(
      [],
    );
    expect(roles(returns, 'Boleh pulang dalam 30 hari, kecuali barang jualan.')).toEqual([]);
    expect(roles(returns, 'Sale items can be returned.')).toEqual([
      'Sale items can be returned:flippedNegation',
    ]);
  });

  it('reads a "non-" prefix as a negation of its word', () => {
    const deposit = ['A non-refundable deposit of $200 is charged at booking.'];
    expect(roles(deposit, 'The $200 deposit is refundable.')).toEqual(['200:flippedNegation']);
    expect(roles(deposit, "The $200 deposit isn't refunded.")).toEqual([]);
    expect(roles(deposit, 'The $200 deposit is non-refundable.')).toEqual([]);
    const plain = ['A refundable deposit of $200 is charged at booking.'];
    expect(roles(plain, 'The $200 deposit is non-refundable.')).toEqual(['200:flippedNegation']);
    expect(roles(plain, 'The $200 deposit is refundable.')).toEqual([]);
  });

  it('reads "without X … not" as requiring X', () => {
    const orders = ['Shipping takes 3 days; orders without a signed form are not shipped.'];
    expect(roles(orders, 'Shipping takes 3 days, plus a signed form.')).toEqual([]);
    expect(roles(orders, 'Shipping takes 3 days, and no signed form is needed.')).toEqual([
      'no signed form is needed:flippedNegation',
    ]);
  });

  it('does not oppose "after that" to the "first" of another figure', () => {
    const tariff = ['The first 100 units cost 10 cents each, and units above 100 cost 15 cents.'];
    expect(roles(tariff, '100 units pertama 10 cents, lepas tu 15 cents for the rest.')).toEqual(
      [],
    );
    expect(roles(tariff, 'The first 100 units 10 cents, after that 15 cents each.')).toEqual([]);
    // "Lepas" (after) before a figure still states its time.
    const counter = ['Bayaran balik dibuat sebelum 5 petang setiap hari bekerja.'];
    expect(roles(counter, 'Bayaran balik dibuat lepas 5 petang.')).toEqual(['5:opposite']);
  });

  it('finds a listed opposite as written or by its gloss, not through another word', () => {
    // "Cuti" (holiday) glosses to "leave", as "keluar" (go out) does: no opposite of "masuk".
    const holiday = ['Kadar rata RM5 setiap kemasukan pada cuti umum.'];
    expect(roles(holiday, 'Cuti umum bayar RM5 sekali masuk.')).toEqual([]);
    const exit = ['Bayaran RM5 dikenakan semasa keluar.'];
    expect(roles(exit, 'Bayaran RM5 dikenakan semasa masuk.')).toEqual(['5:opposite']);
    const leave = ['You pay RM5 when you leave the car park.'];
    expect(roles(leave, 'Bayar RM5 semasa masuk.')).toEqual(['5:opposite']);
  });

  it('is empty without facts', () => {
    expect(roles(checkIn, 'Check-in closes before domestic flights.')).toEqual([]);
  });
});

describe('short answers with a contradicted fact', () => {
  const score = scoreShortAnswer;

  it('caps a swapped pair below the AI-review band', () => {
    const r = score(
      tlCheckIn,
      'Nagsasara ang check-in 60 minuto bago ang domestic flight at 45 minuto bago ang international.',
    );
    expect(r.model).toBe(`fitted:${SHORT_ANSWER_MODEL.version}`);
    expect(r.confidence).toBeLessThanOrEqual(CONTRADICTED_SHORT_ANSWER_CAP);
  });

  it('leaves the right pair to the model', () => {
    const r = score(
      tlCheckIn,
      'Nagsasara ang check-in 45 minuto bago ang domestic flight at 60 minuto bago ang international.',
    );
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('sends a reply whose words are mostly not in the context to the pooled model', () => {
    const r = score(
      ['Nickelback is a Canadian rock band formed in 1995 in Hanna, Alberta.'],
      'I always loved their third record, my cousin played it every summer since 1995.',
    );
    expect(r.model).not.toBe(`fitted:${SHORT_ANSWER_MODEL.version}`);
  });
});

describe('factRoles: names bound to a fact', () => {
  const colleges = [
    'Students come from Elmhurst College, St. Olaf College and Middlebury College.',
    'It was founded in 1874 by a group of immigrant pastors.',
  ];
  const names = (context: string[], text: string) => {
    const a = new Analysis({
      input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) },
      output: { text },
    });
    return factRoles(a, a.context as ContextIndex).filter((r) => r.kind === 'unboundName').length;
  };

  it('flags a name the sentence holding the fact lacks', () => {
    expect(names(colleges, 'Elmhurst College was founded in 1874.')).toBe(1);
  });

  it('accepts a name the sentence holding the fact has', () => {
    expect(
      names(
        ['Dr Tan sees patients on Tuesdays and Thursdays, by appointment.'],
        'Dr Tan sees patients on Tuesday.',
      ),
    ).toBe(0);
  });

  // support-answers-dev2 cs-shop-delivery-r2: "Semenanjung" is "Peninsular" in Malay.
  const delivery = [
    'Delivery to Peninsular Malaysia takes 2 to 3 days, and delivery to Sabah and Sarawak takes 5 to 7 days.',
  ];
  it('accepts a name translated from the sentence holding the fact', () => {
    expect(names(delivery, 'Sabah and Sarawak 5 hingga 7 hari, Semenanjung 2 to 3 days.')).toBe(0);
  });

  it('still flags a name the sentence lacks in either language', () => {
    // Once per figure of its claim ("2", "3").
    expect(names(delivery, 'Sabah and Sarawak 5 hingga 7 hari, Labuan 2 to 3 days.')).toBe(2);
  });
});
