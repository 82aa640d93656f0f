/**
 * What `npm run demo:traffic` sends: support answers of a retailer, a telco and an insurer, in
 * English, Malay, Tagalog and code-switched, each tagged with the kind of answer it is.
 */

export type ItemKind =
  | 'grounded'
  | 'paraphrase'
  | 'wrong-fact'
  | 'pii'
  | 'denied-phrase'
  | 'json'
  | 'malay'
  | 'tagalog'
  | 'code-switched';

interface Topic {
  id: string;
  context: string;
  prompt: string;
  grounded: string;
  paraphrase: string;
  wrongFact: string;
  malay: { prompt: string; context: string; answer: string };
  tagalog: { prompt: string; context: string; answer: string };
  codeSwitched: string;
  json: Record<string, unknown>;
}

export const TOPICS: Topic[] = [
  {
    id: 'kb-refunds',
    context:
      'Refunds are issued within 14 days of the return being received. Items must be unused and in their original packaging. Shipping costs are not refunded.',
    prompt: 'How long does a refund take?',
    grounded:
      'Refunds are issued within 14 days of the return being received. Shipping costs are not refunded.',
    paraphrase:
      'Once we receive your return, you will get your money back within 14 days, though the shipping fee is not refundable.',
    wrongFact:
      'Refunds are issued within 3 days of your request, and we also refund the shipping costs.',
    malay: {
      prompt: 'Berapa lama bayaran balik diproses?',
      context:
        'Bayaran balik dikeluarkan dalam tempoh 14 hari selepas barang pulangan diterima. Kos penghantaran tidak dibayar balik.',
      answer:
        'Bayaran balik dikeluarkan dalam tempoh 14 hari selepas barang pulangan diterima. Kos penghantaran tidak dibayar balik.',
    },
    tagalog: {
      prompt: 'Gaano katagal bago maibalik ang bayad?',
      context:
        'Ibinabalik ang bayad sa loob ng 14 na araw matapos matanggap ang ibinalik na item. Hindi ibinabalik ang bayad sa pagpapadala.',
      answer:
        'Ibinabalik ang bayad sa loob ng 14 na araw matapos matanggap ang item. Hindi kasama ang bayad sa pagpapadala.',
    },
    codeSwitched:
      'Refund akan diproses within 14 days lepas kami terima your return. Shipping costs tak dibayar balik ya.',
    json: { intent: 'refund_policy', refundDays: 14, shippingRefunded: false },
  },
  {
    id: 'kb-hours',
    context:
      'The Orchard Road store opens at 9 am and closes at 9 pm from Monday to Saturday. On Sundays it opens at 10 am and closes at 6 pm.',
    prompt: 'When is the Orchard Road store open on Sunday?',
    grounded: 'On Sundays the Orchard Road store opens at 10 am and closes at 6 pm.',
    paraphrase: 'Sunday hours at Orchard Road are 10 in the morning until 6 in the evening.',
    wrongFact: 'On Sundays the Orchard Road store is open from 8 am to 11 pm.',
    malay: {
      prompt: 'Pukul berapa kedai Orchard Road buka pada hari Ahad?',
      context:
        'Kedai Orchard Road dibuka pada pukul 10 pagi dan ditutup pada pukul 6 petang pada hari Ahad.',
      answer: 'Pada hari Ahad, kedai Orchard Road dibuka pukul 10 pagi dan ditutup pukul 6 petang.',
    },
    tagalog: {
      prompt: 'Anong oras bukas ang tindahan sa Orchard Road tuwing Linggo?',
      context:
        'Tuwing Linggo, bukas ang tindahan sa Orchard Road mula 10 ng umaga hanggang 6 ng gabi.',
      answer: 'Tuwing Linggo, bukas ang tindahan mula 10 ng umaga hanggang 6 ng gabi.',
    },
    codeSwitched: 'Sa Sunday, open ang Orchard Road store from 10 am hanggang 6 pm po.',
    json: {
      intent: 'store_hours',
      store: 'Orchard Road',
      sunday: { open: '10:00', close: '18:00' },
    },
  },
  {
    id: 'kb-roaming',
    context:
      'The Travel Pass costs 15 dollars per day and includes 2 GB of data in 60 destinations. Unused data does not roll over. The pass is activated automatically when you connect abroad.',
    prompt: 'How much is the Travel Pass and what does it include?',
    grounded:
      'The Travel Pass costs 15 dollars per day and includes 2 GB of data in 60 destinations. It is activated automatically when you connect abroad.',
    paraphrase:
      'For 15 dollars a day you get 2 GB of data across 60 destinations, and it switches on by itself once you connect overseas.',
    wrongFact:
      'The Travel Pass costs 5 dollars per day, includes unlimited data in every country, and unused data rolls over.',
    malay: {
      prompt: 'Berapakah harga Travel Pass?',
      context:
        'Travel Pass berharga 15 dolar sehari dan termasuk 2 GB data di 60 destinasi. Data yang tidak digunakan tidak dibawa ke hadapan.',
      answer:
        'Travel Pass berharga 15 dolar sehari dan termasuk 2 GB data di 60 destinasi. Data yang tidak digunakan tidak dibawa ke hadapan.',
    },
    tagalog: {
      prompt: 'Magkano ang Travel Pass?',
      context:
        'Ang Travel Pass ay 15 dolyar bawat araw at may kasamang 2 GB na data sa 60 destinasyon.',
      answer:
        'Ang Travel Pass ay 15 dolyar bawat araw at may kasamang 2 GB na data sa 60 destinasyon.',
    },
    codeSwitched:
      'Travel Pass tu 15 dollars sehari, dapat 2 GB data in 60 destinations. Data yang tak guna tak roll over.',
    json: { intent: 'roaming', pricePerDayUsd: 15, dataGb: 2, destinations: 60 },
  },
  {
    id: 'kb-claims',
    context:
      'Claims for lost baggage must be filed within 30 days of the trip. The policy covers up to 1,500 dollars per traveller. A police or airline report is required.',
    prompt: 'How do I claim for lost baggage?',
    grounded:
      'File your lost baggage claim within 30 days of the trip, with a police or airline report. The policy covers up to 1,500 dollars per traveller.',
    paraphrase:
      'You have 30 days after your trip to submit the claim; attach the airline or police report, and you can be reimbursed up to 1,500 dollars.',
    wrongFact:
      'You can file a lost baggage claim any time within a year, no report is needed, and the policy covers up to 5,000 dollars.',
    malay: {
      prompt: 'Bagaimana saya membuat tuntutan bagasi hilang?',
      context:
        'Tuntutan bagasi hilang mesti dibuat dalam tempoh 30 hari selepas perjalanan. Laporan polis atau syarikat penerbangan diperlukan.',
      answer:
        'Tuntutan bagasi hilang mesti dibuat dalam tempoh 30 hari selepas perjalanan, bersama laporan polis atau syarikat penerbangan.',
    },
    tagalog: {
      prompt: 'Paano mag-claim para sa nawalang bagahe?',
      context:
        'Kailangang isumite ang claim para sa nawalang bagahe sa loob ng 30 araw matapos ang biyahe. Kailangan ang ulat ng pulis o ng airline.',
      answer:
        'Isumite ang claim sa loob ng 30 araw matapos ang biyahe, kasama ang ulat ng pulis o ng airline.',
    },
    codeSwitched:
      'Kailangan mo i-file ang claim within 30 days after ng trip, with a police or airline report.',
    json: {
      intent: 'claim_lost_baggage',
      deadlineDays: 30,
      maxPayoutUsd: 1500,
      reportRequired: true,
    },
  },
  {
    id: 'kb-warranty',
    context:
      'All laptops come with a 2-year warranty covering manufacturing defects. Accidental damage is not covered. Repairs take 5 to 7 working days.',
    prompt: 'Does the warranty cover a cracked screen?',
    grounded:
      'The 2-year warranty covers manufacturing defects only; accidental damage such as a cracked screen is not covered.',
    paraphrase:
      'A cracked screen counts as accidental damage, which falls outside the two-year warranty for manufacturing defects.',
    wrongFact: 'Yes, the 5-year warranty covers cracked screens and repairs take one day.',
    malay: {
      prompt: 'Adakah waranti meliputi skrin retak?',
      context:
        'Semua komputer riba disertakan waranti 2 tahun untuk kecacatan pembuatan. Kerosakan tidak sengaja tidak dilindungi.',
      answer:
        'Waranti 2 tahun hanya meliputi kecacatan pembuatan. Kerosakan tidak sengaja seperti skrin retak tidak dilindungi.',
    },
    tagalog: {
      prompt: 'Sakop ba ng warranty ang basag na screen?',
      context:
        'Lahat ng laptop ay may 2 taong warranty para sa depekto sa paggawa. Hindi sakop ang aksidenteng pinsala.',
      answer:
        'Ang 2 taong warranty ay para lamang sa depekto sa paggawa. Hindi sakop ang aksidenteng pinsala gaya ng basag na screen.',
    },
    codeSwitched:
      'Sorry po, hindi covered ng 2-year warranty ang cracked screen kasi accidental damage siya.',
    json: {
      intent: 'warranty',
      years: 2,
      covers: ['manufacturing defects'],
      accidentalDamage: false,
    },
  },
];

/** Outputs with personal data the context never gave (the model invented or leaked it). */
export const PII_ANSWERS = [
  'Your refund was sent to jane.tan@example.com and you can call our agent on +65 9123 4567 for updates.',
  'I have updated the account of Ahmad bin Ismail, NRIC S8712345D, with the new address.',
  'Please transfer the fee to card 4111 1111 1111 1111 and we will activate the pass.',
  'Boleh hubungi pegawai kami di 012-345 6789 atau e-mel siti.aminah@example.my untuk status tuntutan.',
];

/** Outputs with wording the demo policy denies. */
export const DENIED_ANSWERS = [
  'We cannot pay this because it looks like a fraudulent claim.',
  'Your baggage claim was rejected as a fraudulent claim; please do not contact us again.',
  'Ang claim mo ay fraudulent claim kaya hindi namin ito babayaran.',
];

/** Item weights: roughly what a support bot's traffic looks like, with the awkward cases over-represented. */
export const KIND_WEIGHTS: Record<ItemKind, number> = {
  grounded: 30,
  paraphrase: 15,
  'wrong-fact': 14,
  pii: 7,
  'denied-phrase': 5,
  json: 7,
  malay: 8,
  tagalog: 8,
  'code-switched': 6,
};
