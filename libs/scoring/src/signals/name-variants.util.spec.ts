import { ContextIndex } from '../engine/context-index';
import { spelledOutIn, translatedIn } from './name-variants.util';

const index = new ContextIndex([
  {
    id: 'c',
    text: 'Second quarter adjusted earnings per share grew year-over-year. The 3rd quarter outlook is unchanged. The European Union voted.',
  },
]);

describe('names spelled out in the context', () => {
  it.each<[string, boolean]>([
    ['Q2', true], // "Second quarter"
    ['Q3', true], // "3rd quarter"
    ['Q4', false], // no fourth quarter in the context
    ['EPS', true], // "earnings per share"
    ['YoY', true], // "year-over-year"
    ['AEPS', true], // "adjusted earnings per share"
    ['Eps', false], // a capitalised word, not an acronym
    ['EU', false], // two letters: initials of some word pair in any document, not evidence
    ['XYZ', false], // invented
    ['EPT', false], // initials split across sentences do not count
  ])('%s → %s', (norm, expected) => expect(spelledOutIn(index, norm)).toBe(expected));
});

describe('a day of the month under another ordinal suffix', () => {
  const bill = new ContextIndex([
    { id: 'c', text: 'Postpaid bills are issued on the 5th of every month.' },
  ]);
  it.each<[string, boolean]>([
    ['5hb', true], // Malay "haribulan" for "5th" (support-answers-dev cs-telco-bill-r1)
    ['5th', true],
    ['6hb', false], // another day
    ['15hb', false], // "15" is not "5"
  ])('%s → %s', (surface, expected) => expect(spelledOutIn(bill, surface)).toBe(expected));
});

describe('names translated from the context', () => {
  const delivery = new ContextIndex([
    {
      id: 'c',
      text: 'Delivery to Peninsular Malaysia takes 2 to 3 days. Parcels go to the shop near you.',
    },
  ]);
  it.each<[string, boolean]>([
    ['semenanjung', true], // "Peninsular Malaysia" (support-answers-dev2 cs-shop-delivery-r2)
    ['kedai', false], // its gloss "shop" is in the context, but lower-case: no name
    ['sabtu', false], // "Saturday": not in the context
    ['xyzzy', false], // no gloss
  ])('%s → %s', (norm, expected) => expect(translatedIn(delivery, norm)).toBe(expected));
});
