import type { Scenario } from './scenario';

/** Code-switched English–Malay ("Manglish") replies, as Malaysian chat support writes them. */
export const CODE_SWITCHED: Scenario[] = [
  {
    id: 'cs-shop-exchange',
    lang: 'en-ms',
    domain: 'shop',
    question: 'Boleh exchange size tak?',
    passages: [
      'Items can be exchanged for a different size within 14 days of purchase, with the receipt and tags attached.',
    ],
    right: [
      'Boleh, you can exchange size dalam 14 hari from purchase, asalkan ada receipt dan tag.',
      'Yes boleh tukar size within 14 days, just bawa receipt and keep the tags on.',
    ],
    wrong: [
      [
        'number',
        'Boleh, you can exchange size dalam 30 hari from purchase, asalkan ada receipt dan tag.',
      ],
      ['negation', 'Sorry, tak boleh exchange size once you dah beli.'],
    ],
  },
  {
    id: 'cs-shop-voucher',
    lang: 'en-ms',
    domain: 'shop',
    question: 'Voucher RM20 tu sampai bila?',
    passages: [
      'The RM20 welcome voucher is valid for 30 days from sign-up and applies to a minimum spend of RM100.',
    ],
    right: [
      'Voucher RM20 tu valid 30 hari dari sign-up, min spend RM100.',
      'You boleh guna voucher RM20 tu within 30 days lepas daftar, for orders RM100 and above.',
    ],
    wrong: [
      ['number', 'Voucher RM20 tu valid 30 hari dari sign-up, min spend RM50.'],
      [
        'number',
        'You boleh guna voucher RM20 tu within 60 days lepas daftar, for orders RM100 and above.',
      ],
    ],
  },
  {
    id: 'cs-bank-duitnow',
    lang: 'en-ms',
    domain: 'bank',
    question: 'DuitNow transfer ada charge ke?',
    passages: [
      'DuitNow transfers up to RM5,000 are free of charge. Transfers above RM5,000 are charged RM0.50 per transaction.',
    ],
    right: [
      'DuitNow transfer sampai RM5,000 free, takde charge.',
      'Free je kalau bawah RM5,000; above that, RM0.50 satu transaction.',
    ],
    wrong: [
      ['number', 'DuitNow transfer sampai RM10,000 free, takde charge.'],
      ['antonym', 'DuitNow transfer bawah RM5,000 pun kena charge RM0.50 satu transaction.'],
    ],
  },
  {
    id: 'cs-bank-card-block',
    lang: 'en-ms',
    domain: 'bank',
    question: 'Card I kena block, macam mana nak unblock?',
    passages: [
      'A card is blocked automatically after 3 wrong PIN attempts. To unblock it, visit any branch with your MyKad or reset the PIN in the mobile app.',
    ],
    right: [
      'Card kena block lepas 3 kali salah PIN. You boleh reset PIN dalam app atau pergi branch dengan MyKad.',
      'Untuk unblock, reset PIN guna mobile app, or datang mana-mana branch bawa MyKad.',
    ],
    wrong: [
      [
        'number',
        'Card kena block lepas 5 kali salah PIN. You boleh reset PIN dalam app atau pergi branch dengan MyKad.',
      ],
      ['negation', 'Untuk unblock, you kena datang branch; tak boleh reset PIN dalam app.'],
    ],
  },
  {
    id: 'cs-telco-bill',
    lang: 'en-ms',
    domain: 'telco',
    question: 'Bil postpaid I due bila?',
    passages: [
      'Postpaid bills are issued on the 5th of every month and payment is due within 21 days. Service is barred if the bill is unpaid for 60 days.',
    ],
    right: [
      'Bil keluar setiap 5hb, and you kena bayar within 21 hari.',
      'Your bill issued on the 5th each month, payment due dalam 21 days.',
    ],
    wrong: [
      ['date', 'Bil keluar setiap 15hb, and you kena bayar within 21 hari.'],
      ['number', 'Your bill issued on the 5th each month, payment due dalam 14 days.'],
    ],
  },
  {
    id: 'cs-telco-port',
    lang: 'en-ms',
    domain: 'telco',
    question: 'Nak port in number, berapa lama?',
    passages: [
      'Mobile number portability requests are completed within 2 working days. Your old line stays active until the port is done.',
    ],
    right: [
      'Port in ambil masa 2 hari bekerja je, and line lama you still active sampai siap.',
      'Within 2 working days siap; meanwhile your old line masih boleh guna.',
    ],
    wrong: [
      ['number', 'Port in ambil masa 5 hari bekerja, and line lama you still active sampai siap.'],
      ['antonym', 'Within 2 working days siap; meanwhile your old line terus inactive.'],
    ],
  },
  {
    id: 'cs-clinic-results',
    lang: 'en-ms',
    domain: 'clinic',
    question: 'Bila boleh dapat result blood test?',
    passages: [
      'Blood test results are ready in 3 working days and are sent to the patient portal. Dr Aisyah will call you if anything needs follow-up.',
    ],
    right: [
      'Result siap dalam 3 hari bekerja, nanti masuk patient portal.',
      'Dalam 3 working days, you boleh check dekat patient portal; Dr Aisyah akan call kalau perlu follow-up.',
    ],
    wrong: [
      ['number', 'Result siap dalam 7 hari bekerja, nanti masuk patient portal.'],
      [
        'name',
        'Dalam 3 working days, you boleh check dekat patient portal; Dr Farid akan call kalau perlu follow-up.',
      ],
    ],
  },
  {
    id: 'cs-gov-road-tax',
    lang: 'en-ms',
    domain: 'government',
    question: 'Can renew road tax online tak?',
    passages: [
      'Road tax can be renewed online through MyJPJ up to 60 days before it expires. A valid insurance cover is required first.',
    ],
    right: [
      'Boleh, renew road tax online guna MyJPJ, paling awal 60 hari sebelum expired. Insurance kena valid dulu.',
      'Yes, through MyJPJ, up to 60 days before tamat tempoh, asalkan insurance dah ada.',
    ],
    wrong: [
      ['name', 'Boleh, renew road tax online guna MyEG only, paling awal 60 hari sebelum expired.'],
      ['negation', 'Boleh, renew road tax online guna MyJPJ, and tak perlu insurance dulu.'],
    ],
  },
  {
    id: 'cs-courier-tracking',
    lang: 'en-ms',
    domain: 'courier',
    question: 'Parcel I stuck kat hub, kenapa?',
    passages: [
      'Parcels held at the Shah Alam hub during the Hari Raya period may be delayed by up to 3 days. Tracking updates resume once the parcel leaves the hub.',
    ],
    right: [
      'Parcel yang held kat Shah Alam hub masa Hari Raya mungkin delay sampai 3 hari.',
      'Sebab musim Hari Raya, Shah Alam hub lambat sikit, up to 3 days; tracking akan update bila parcel keluar hub.',
    ],
    wrong: [
      ['name', 'Parcel yang held kat Bukit Jalil hub masa Hari Raya mungkin delay sampai 3 hari.'],
      ['number', 'Sebab musim Hari Raya, Shah Alam hub lambat sikit, up to 10 days.'],
    ],
  },
];
