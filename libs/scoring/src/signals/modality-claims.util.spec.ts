import { Analysis } from '../engine/analysis';
import { modalityFlips } from './modality-claims.util';

// A rule turned the other way: optional where the passage requires, required where it does not.
function flips(context: string, text: string): string[] {
  const analysis = new Analysis({
    input: { prompt: 'What do I need?', context: [{ id: 'kb', text: context }] },
    output: { text },
  });
  return modalityFlips(analysis, analysis.context!).map((f) => f.text);
}

const pets =
  'All pets must have up-to-date vaccinations; please show the vaccination card at the counter. Walk-ins are accepted subject to availability.';
const returns =
  'Defective items can be returned within 30 days of delivery. Photo or video proof of the defect is required.';
const booking =
  'No appointment is needed for flu shots. A referral letter is required for specialist visits.';
const hostel =
  'Pelajar wajib membawa surat tawaran dan resit yuran semasa mendaftar masuk. Deposit kunci RM50 dipulangkan selepas keluar kolej.';
const nbi = 'Kailangan ng appointment online bago pumunta sa NBI branch. Ang clearance ay ₱130.';

describe('modalityFlips', () => {
  it.each<[string, string, string, string[]]>([
    [
      'Malay "not compulsory" against "must"',
      pets,
      'Vaccination tak wajib, but recommended.',
      ['Vaccination tak wajib'],
    ],
    [
      'English "optional" against "required"',
      returns,
      'Photo or video proof of the defect is optional.',
      ['Photo or video proof of the defect is optional'],
    ],
    [
      'English "not required" against "required"',
      returns,
      'Proof of the defect is not required.',
      ['Proof of the defect is not required'],
    ],
    [
      '"must" against "no appointment is needed"',
      booking,
      'You must book an appointment for a flu shot.',
      ['You must book an appointment for a flu shot'],
    ],
    [
      'Malay "tidak perlu" against "wajib"',
      hostel,
      'Surat tawaran tidak perlu dibawa semasa daftar masuk.',
      ['Surat tawaran tidak perlu dibawa semasa daftar masuk'],
    ],
    [
      'Tagalog "hindi kailangan" against "kailangan"',
      nbi,
      'Hindi kailangan ng appointment sa NBI branch.',
      ['Hindi kailangan ng appointment sa NBI branch'],
    ],
    [
      '"not optional" against "no appointment is needed"',
      booking,
      'An appointment is not optional for a flu shot.',
      ['An appointment is not optional for a flu shot'],
    ],
    [
      '"need not" against "required"',
      returns,
      'Photo proof of the defect need not be sent.',
      ['Photo proof of the defect need not be sent'],
    ],
  ])('flags %s', (_, context, text, expected) => {
    expect(flips(context, text)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    [
      'the same rule in other words',
      pets,
      'Vaccinations must be up to date, and bring the vaccination card.',
    ],
    ['the same rule in Malay', pets, 'Vaksinasi wajib dikemas kini.'],
    [
      'an optional thing the passage makes optional',
      booking,
      'You do not need an appointment for a flu shot.',
    ],
    ['a rule about another thing', booking, 'A referral letter is required for a specialist.'],
    [
      '"if you need" is no rule',
      returns,
      'If you need to return a defective item, you have 30 days.',
    ],
    ['no rule in the answer', pets, 'Walk-ins are accepted if there is a free slot.'],
    ['a rule the passage does not speak of', returns, 'You must keep the receipt.'],
    // A negated "optional" is a requirement, and "need not" a negated need.
    ['"not optional" where the passage requires', pets, 'Vaccination is not optional.'],
    [
      '"never optional" where the passage requires',
      returns,
      'Proof of the defect is never optional.',
    ],
    [
      '"need not" where the passage needs none',
      booking,
      'You need not book an appointment for a flu shot.',
    ],
  ])('leaves %s alone', (_, context, text) => {
    expect(flips(context, text)).toEqual([]);
  });
});
