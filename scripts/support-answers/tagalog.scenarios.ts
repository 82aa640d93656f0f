import type { Scenario } from './scenario';

/** Tagalog (Filipino) support bots, with the English loanwords Filipino chat uses. */
export const TAGALOG: Scenario[] = [
  {
    id: 'tl-shop-return',
    lang: 'tl',
    domain: 'shop',
    question: 'Ilang araw bago ko maibalik ang item?',
    passages: [
      'Maaaring ibalik ang item sa loob ng 30 araw mula sa pagbili basta may resibo.',
      'Hindi maaaring ibalik ang mga item na naka-sale.',
    ],
    right: [
      'May 30 araw ka mula sa pagbili para ibalik ang item, basta dala mo ang resibo.',
      'Puwede mong ibalik sa loob ng tatlumpung araw kung may resibo.',
    ],
    wrong: [
      ['number', 'May 14 araw ka mula sa pagbili para ibalik ang item, basta dala mo ang resibo.'],
      ['negation', 'Puwede mong ibalik sa loob ng 30 araw kahit walang resibo.'],
    ],
  },
  {
    id: 'tl-shop-delivery-fee',
    lang: 'tl',
    domain: 'shop',
    question: 'Magkano ang delivery fee?',
    passages: [
      'Libre ang delivery para sa order na ₱1,500 pataas sa Metro Manila. Sa ibang lugar, ₱150 ang delivery fee.',
    ],
    right: [
      'Libre ang delivery kung ₱1,500 o higit pa ang order mo sa Metro Manila.',
      'Walang bayad ang delivery sa Metro Manila para sa order na ₱1,500 pataas; ₱150 naman sa labas nito.',
    ],
    wrong: [
      ['number', 'Libre ang delivery kung ₱1,000 o higit pa ang order mo sa Metro Manila.'],
      ['antonym', 'May bayad ang delivery sa Metro Manila kahit ₱1,500 pataas ang order.'],
    ],
  },
  {
    id: 'tl-bank-account',
    lang: 'tl',
    domain: 'bank',
    question: 'Ano ang kailangan para magbukas ng savings account?',
    passages: [
      'Para magbukas ng savings account, magdala ng isang valid ID at ₱2,000 na initial deposit. Walang maintaining balance ang Basic Savings.',
    ],
    right: [
      'Kailangan mo ng isang valid ID at ₱2,000 na unang deposito.',
      'Isang valid ID at ₱2,000 lang ang kailangan, at walang maintaining balance ang Basic Savings.',
    ],
    wrong: [
      ['number', 'Kailangan mo ng dalawang valid ID at ₱2,000 na unang deposito.'],
      [
        'negation',
        'Isang valid ID at ₱2,000 ang kailangan, at may maintaining balance ang Basic Savings.',
      ],
    ],
  },
  {
    id: 'tl-bank-hotline',
    lang: 'tl',
    domain: 'bank',
    question: 'Paano ko ire-report ang nawawalang credit card?',
    passages: [
      'Tumawag agad sa aming 24/7 hotline (02) 8888 1234 para ma-block ang nawawalang card. Ang bagong card ay ipapadala sa loob ng 10 araw ng trabaho.',
    ],
    right: [
      'Tawagan kaagad ang 24/7 hotline sa (02) 8888 1234 para ma-block ang card.',
      'I-report sa (02) 8888 1234 anumang oras; darating ang bagong card sa loob ng 10 araw ng trabaho.',
    ],
    wrong: [
      ['number', 'Tawagan kaagad ang 24/7 hotline sa (02) 8888 4321 para ma-block ang card.'],
      [
        'number',
        'I-report sa (02) 8888 1234 anumang oras; darating ang bagong card sa loob ng 3 araw ng trabaho.',
      ],
    ],
  },
  {
    id: 'tl-telco-promo',
    lang: 'tl',
    domain: 'telco',
    question: 'Ano ang kasama sa GoSURF 99?',
    passages: [
      'Ang GoSURF 99 ay may 8GB na data na valid sa loob ng 7 araw, kasama ang unlimited na text sa lahat ng network.',
      'Ang GoSURF 299 ay may 24GB na data na valid sa loob ng 30 araw.',
    ],
    right: [
      'Sa GoSURF 99, may 8GB data ka na tatagal ng 7 araw, at unlimited text sa lahat ng network.',
      'Ang GoSURF 99 ay 8GB na data for one week plus unli text.',
    ],
    wrong: [
      ['swap', 'Sa GoSURF 99, may 24GB data ka na tatagal ng 7 araw, at unlimited text.'],
      ['number', 'Sa GoSURF 99, may 8GB data ka na tatagal ng 3 araw, at unlimited text.'],
    ],
  },
  {
    id: 'tl-clinic-schedule',
    lang: 'tl',
    domain: 'clinic',
    question: 'Kailan ang clinic hours ni Dra. Santos?',
    passages: [
      'Si Dra. Maria Santos ay nasa clinic tuwing Lunes, Miyerkules at Biyernes, 1 pm hanggang 5 pm. Si Dr. Jose Reyes ay tuwing Martes at Huwebes ng umaga.',
    ],
    right: [
      'Nasa clinic si Dra. Santos tuwing Lunes, Miyerkules at Biyernes, mula 1 hanggang 5 ng hapon.',
      'Tuwing Lunes, Miyerkules at Biyernes ng hapon, 1 pm to 5 pm, ang schedule ni Dra. Santos.',
    ],
    wrong: [
      ['swap', 'Nasa clinic si Dra. Santos tuwing Martes at Huwebes ng umaga.'],
      [
        'date',
        'Nasa clinic si Dra. Santos tuwing Lunes, Miyerkules at Sabado, mula 1 hanggang 5 ng hapon.',
      ],
    ],
  },
  {
    id: 'tl-gov-nbi',
    lang: 'tl',
    domain: 'government',
    question: 'Magkano ang NBI clearance?',
    passages: [
      'Ang bayad sa NBI clearance ay ₱130 kasama ang ₱25 na e-payment service fee. Kailangan ng appointment online bago pumunta sa NBI branch.',
    ],
    right: [
      '₱130 ang NBI clearance, kasama na ang ₱25 na e-payment fee.',
      'Ang NBI clearance ay nagkakahalaga ng ₱130, at kailangan mong magpa-appointment online muna.',
    ],
    wrong: [
      ['number', '₱150 ang NBI clearance, kasama na ang ₱25 na e-payment fee.'],
      [
        'negation',
        'Ang NBI clearance ay ₱130, at hindi kailangan ng appointment bago pumunta sa branch.',
      ],
    ],
  },
  {
    id: 'tl-airline-checkin',
    lang: 'tl',
    domain: 'airline',
    question: 'Kailan magsasara ang check-in?',
    passages: [
      'Magsasara ang check-in counter 45 minuto bago ang domestic flight at 60 minuto bago ang international flight.',
      'Bukas ang online check-in 48 oras bago ang flight.',
    ],
    right: [
      'Nagsasara ang check-in 45 minuto bago ang domestic flight.',
      'Para sa international flight, sarado na ang check-in isang oras bago umalis; 45 minuto naman para sa domestic.',
    ],
    wrong: [
      [
        'swap',
        'Nagsasara ang check-in 60 minuto bago ang domestic flight at 45 minuto bago ang international.',
      ],
      ['antonym', 'Nagbubukas ang check-in counter 45 minuto bago ang domestic flight.'],
    ],
  },
  {
    id: 'tl-utility-outage',
    lang: 'tl',
    domain: 'utility',
    question: 'May brownout ba sa Quezon City bukas?',
    passages: [
      'May scheduled power interruption sa ilang bahagi ng Quezon City sa Sabado, 8 am hanggang 12 nn, dahil sa maintenance ng linya.',
    ],
    right: [
      'Oo, may scheduled brownout sa ilang bahagi ng Quezon City sa Sabado, 8 am hanggang tanghali.',
      'Mawawalan ng kuryente ang ilang lugar sa Quezon City sa Sabado mula 8 ng umaga hanggang 12 ng tanghali dahil sa maintenance.',
    ],
    wrong: [
      [
        'name',
        'Oo, may scheduled brownout sa ilang bahagi ng Pasig City sa Sabado, 8 am hanggang tanghali.',
      ],
      [
        'date',
        'Oo, may scheduled brownout sa ilang bahagi ng Quezon City sa Linggo, 8 am hanggang tanghali.',
      ],
    ],
  },
];
