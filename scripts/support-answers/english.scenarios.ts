import type { Scenario } from './scenario';

/** English support bots. */
export const ENGLISH: Scenario[] = [
  {
    id: 'en-shop-refunds',
    lang: 'en',
    domain: 'shop',
    question: 'How long do refunds take?',
    passages: [
      'Refunds are paid within 5 business days to the original payment method.',
      'Store credit is issued immediately if you prefer it to a refund.',
    ],
    right: [
      'Refunds take 5 business days.',
      'You will get your money back on the card you paid with within five working days.',
    ],
    wrong: [
      ['number', 'Refunds take 7 business days.'],
      ['antonym', 'Store credit is issued after 5 business days, refunds immediately.'],
    ],
  },
  {
    id: 'en-shop-hours',
    lang: 'en',
    domain: 'shop',
    question: 'When do you open?',
    passages: ['Opening hours: Monday to Saturday 9 am to 6 pm. Sunday 10 am to 4 pm.'],
    right: [
      'The store opens at 9 am on weekdays and Saturdays, and at 10 am on Sundays.',
      'We open at 9 am Monday to Saturday and at 10 am on Sunday.',
    ],
    wrong: [
      ['number', 'The store opens at 9 am on weekdays and Saturdays, and at 11 am on Sundays.'],
      ['date', 'We open at 9 am Monday to Friday and at 10 am on Saturday.'],
    ],
  },
  {
    id: 'en-bank-transfer-fee',
    lang: 'en',
    domain: 'bank',
    question: 'Is there a fee for international transfers?',
    passages: [
      'International transfers cost SGD 15 per transaction. Transfers to other local banks via PayNow are free.',
      'International transfers usually arrive in 2 to 4 business days.',
    ],
    right: [
      'Yes, an international transfer costs SGD 15 each time.',
      'Sending money abroad costs SGD 15 per transfer; PayNow transfers to local banks are free.',
    ],
    wrong: [
      ['negation', 'No, international transfers are free of charge.'],
      ['number', 'Yes, an international transfer costs SGD 25 each time.'],
    ],
  },
  {
    id: 'en-bank-card-lost',
    lang: 'en',
    domain: 'bank',
    question: 'I lost my debit card, what should I do?',
    passages: [
      'If your card is lost or stolen, lock it immediately in the app under Cards > Lock card, then call our 24-hour hotline at 1800 222 3333.',
      'A replacement card is mailed within 7 working days at no charge.',
    ],
    right: [
      'Lock the card in the app right away and call the 24-hour hotline on 1800 222 3333. A new card is sent free within 7 working days.',
      'Please lock your card in the app first, then ring 1800 222 3333, which is open around the clock.',
    ],
    wrong: [
      [
        'antonym',
        'Lock the card in the app right away. A replacement card costs a fee and arrives within 7 working days.',
      ],
      ['number', 'Lock the card in the app and call our hotline at 1800 222 3334.'],
    ],
  },
  {
    id: 'en-telco-roaming',
    lang: 'en',
    domain: 'telco',
    question: 'How much is the roaming pass for Japan?',
    passages: [
      'The Asia Roaming Pass gives 10 GB of data for 7 days in Japan, Korea, Thailand and Vietnam for $18.',
      'The Global Pass costs $35 and gives 5 GB for 15 days in 60 destinations.',
    ],
    right: [
      'For Japan you can buy the Asia Roaming Pass: $18 for 10 GB over 7 days.',
      'The Asia Roaming Pass covers Japan and costs $18, with 10 GB valid for a week.',
    ],
    wrong: [
      ['swap', 'For Japan you can buy the Asia Roaming Pass: $35 for 10 GB over 7 days.'],
      ['number', 'The Asia Roaming Pass covers Japan and costs $18, with 15 GB valid for a week.'],
    ],
  },
  {
    id: 'en-telco-contract',
    lang: 'en',
    domain: 'telco',
    question: 'Can I cancel my contract early?',
    passages: [
      'Postpaid contracts can be cancelled before the end of the 24-month term. An early termination fee of $200 applies, reduced by $8 for each month already served.',
    ],
    right: [
      'Yes, you can end it early, but there is a $200 early termination fee, minus $8 for every month you have already completed.',
      'You may cancel before the 24 months are up; the $200 fee drops by $8 for each month served.',
    ],
    wrong: [
      ['negation', 'No, postpaid contracts cannot be cancelled before the 24-month term ends.'],
      [
        'number',
        'Yes, you can end it early, but there is a $250 early termination fee, minus $8 for every month served.',
      ],
    ],
  },
  {
    id: 'en-clinic-appointment',
    lang: 'en',
    domain: 'clinic',
    question: 'Do I need an appointment to see Dr Tan?',
    passages: [
      'Dr Lim Wei Ling sees walk-in patients every morning from 8.30 am. Dr Tan Boon Kiat sees patients by appointment only, on Tuesdays and Thursdays.',
      'Appointments can be booked online or by calling 6123 4567.',
    ],
    right: [
      'Yes, Dr Tan only sees patients by appointment, on Tuesdays and Thursdays.',
      'You need to book: Dr Tan sees patients by appointment on Tuesday and Thursday. You can book online or call 6123 4567.',
    ],
    wrong: [
      ['swap', 'No, Dr Tan sees walk-in patients every morning from 8.30 am.'],
      ['date', 'Yes, Dr Tan only sees patients by appointment, on Mondays and Wednesdays.'],
    ],
  },
  {
    id: 'en-clinic-fasting',
    lang: 'en',
    domain: 'clinic',
    question: 'Do I have to fast before my blood test?',
    passages: [
      'For a cholesterol or fasting glucose test, do not eat for 10 hours before the test. Plain water is allowed.',
      'A full blood count does not require fasting.',
    ],
    right: [
      'For a cholesterol test, don’t eat anything for 10 hours beforehand; you can still drink plain water.',
      'Yes, if it is a cholesterol or fasting glucose test: no food for ten hours, water is fine.',
    ],
    wrong: [
      [
        'number',
        'For a cholesterol test, don’t eat anything for 12 hours beforehand; plain water is fine.',
      ],
      [
        'negation',
        'For a cholesterol test, don’t eat for 10 hours beforehand, and don’t drink water either.',
      ],
    ],
  },
  {
    id: 'en-gov-passport',
    lang: 'en',
    domain: 'government',
    question: 'How long does a passport renewal take?',
    passages: [
      'Passport renewals submitted online are processed in 10 working days. Collection is at the ICA Building by appointment.',
      'The renewal fee is $70.',
    ],
    right: [
      'An online passport renewal takes 10 working days, and you collect it at the ICA Building by appointment.',
      'About two weeks: online renewals are processed in ten working days.',
    ],
    wrong: [
      [
        'number',
        'An online passport renewal takes 15 working days, and you collect it at the ICA Building.',
      ],
      [
        'name',
        'An online passport renewal takes 10 working days, and you collect it at the CPF Building by appointment.',
      ],
    ],
  },
  {
    id: 'en-airline-baggage',
    lang: 'en',
    domain: 'airline',
    question: 'What is the cabin baggage allowance?',
    passages: [
      'Economy passengers may bring one cabin bag of up to 7 kg plus one small personal item. Business passengers may bring two cabin bags of up to 7 kg each.',
    ],
    right: [
      'In Economy you can take one 7 kg cabin bag and a small personal item.',
      'Economy allows a single cabin bag weighing at most 7 kg, plus one small personal item; Business allows two.',
    ],
    wrong: [
      ['swap', 'In Economy you can take two 7 kg cabin bags and a small personal item.'],
      ['number', 'In Economy you can take one 10 kg cabin bag and a small personal item.'],
    ],
  },
  {
    id: 'en-courier-delivery',
    lang: 'en',
    domain: 'courier',
    question: 'Do you deliver on weekends?',
    passages: [
      'Standard parcels are delivered Monday to Saturday between 9 am and 9 pm. There are no deliveries on Sundays or public holidays.',
    ],
    right: [
      'We deliver on Saturdays but not on Sundays or public holidays.',
      'Saturday deliveries are available, 9 am to 9 pm; Sundays and public holidays have none.',
    ],
    wrong: [
      ['date', 'We deliver on Sundays but not on Saturdays or public holidays.'],
      ['antonym', 'We deliver every day, including Sundays and public holidays.'],
    ],
  },
  {
    id: 'en-utility-bill',
    lang: 'en',
    domain: 'utility',
    question: 'When is my electricity bill due?',
    passages: [
      'Bills are issued on the 1st of each month and must be paid by the 21st. A late charge of 1% is added to overdue amounts.',
    ],
    right: [
      'Your bill has to be paid by the 21st of the month; it is issued on the 1st.',
      'Payment is due on the 21st, and overdue amounts get a 1% late charge.',
    ],
    wrong: [
      ['date', 'Your bill has to be paid by the 28th of the month; it is issued on the 1st.'],
      ['number', 'Payment is due on the 21st, and overdue amounts get a 5% late charge.'],
    ],
  },
];
