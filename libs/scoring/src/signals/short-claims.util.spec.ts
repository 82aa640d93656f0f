import { tokenize } from '../text/tokens.util';
import { cutClaims, TAGALOG_AND, type ClaimCut } from './short-claims.util';

const cut: ClaimCut = { breaks: /[,;.]/, joiners: new Set(['and']), joinersBefore: TAGALOG_AND };
const claims = (text: string): string[] =>
  cutClaims(text, tokenize(text), cut).map((c) => text.slice(c[0].start, c[c.length - 1].end));

describe('cutClaims', () => {
  it.each([
    // Tagalog "at" before a noun phrase joins two clauses.
    [
      'Ang regular ay ₱950 at ang expedited ay ₱1,200',
      ['Ang regular ay ₱950', 'ang expedited ay ₱1,200'],
    ],
    // English "at", and Tagalog "at" before a figure, join nothing.
    ['The gym closes at 10 pm', ['The gym closes at 10 pm']],
    ['Pay at the counter and collect at 5 pm', ['Pay at the counter', 'collect at 5 pm']],
    ['45 minuto bago ang domestic at 60 minuto', ['45 minuto bago ang domestic at 60 minuto']],
    // A comma inside a number is no break.
    ['It costs ₱1,200, paid online', ['It costs ₱1,200', 'paid online']],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});
