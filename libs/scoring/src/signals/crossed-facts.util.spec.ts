import { roles } from './fact-roles.spec-helpers';

function swapped(context: string[], text: string): string[] {
  const own = roles(context, text).filter((r) => r.endsWith(':swapped'));
  return own.map((r) => r.slice(0, -':swapped'.length)).sort();
}

const passes = [
  'The Asia Roaming Pass gives 10 GB of data for 7 days in Japan, Korea, Thailand and Vietnam for $18.',
  'The Global Pass costs $35 and gives 5 GB for 15 days in 60 destinations.',
];
const promos = [
  'Ang GoSURF 99 ay may 8GB na data na valid sa loob ng 7 araw, kasama ang unlimited na text.',
  'Ang GoSURF 299 ay may 24GB na data na valid sa loob ng 30 araw.',
];
const passport = [
  'Ang regular na passport ay ₱950 at ang expedited na passport ay ₱1,200.',
  'Ang regular ay makukuha sa loob ng 12 araw ng trabaho.',
];

describe('facts bound to another item in another sentence', () => {
  it('flags a price taken from the other pass', () =>
    expect(
      swapped(passes, 'For Japan, buy the Asia Roaming Pass: $35 for 10 GB over 7 days.'),
    ).toEqual(['10', '35', '7']));

  it('flags a data allowance taken from the other plan (Tagalog)', () =>
    expect(swapped(promos, 'Sa GoSURF 99, may 24GB data ka na tatagal ng 7 araw.')).toEqual([
      '24',
      '7',
    ]));

  it('leaves the facts of one sentence together alone', () => {
    expect(swapped(passes, 'The Asia Roaming Pass is $18 for 10 GB over 7 days.')).toEqual([]);
    expect(swapped(promos, 'Sa GoSURF 99, may 8GB data ka na tatagal ng 7 araw.')).toEqual([]);
  });

  it('leaves facts of two sentences alone when neither gives the other kind another value', () =>
    expect(
      swapped(
        passport,
        'Ang regular na passport ay ₱950 at makukuha sa loob ng 12 araw ng trabaho.',
      ),
    ).toEqual([]));
});
