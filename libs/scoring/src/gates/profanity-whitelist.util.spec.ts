import { WhitelistIndex } from './profanity-whitelist.util';

/** What obscenity does per term: an indexOf loop from the end of the previous occurrence. */
function byIndexOf(terms: string[], text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const term of terms)
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length))
      out.push([at, term.length]);
  return out;
}

function found(index: WhitelistIndex, text: string): [number, number][] {
  const out: [number, number][] = [];
  index.each(text, (at, length) => out.push([at, length]));
  return out;
}

const order = (a: [number, number], b: [number, number]): number => a[0] - b[0] || a[1] - b[1];

describe('WhitelistIndex', () => {
  const terms = ['aa', 'aaa', 'an al', 'analy', 'a', 'é1', 'xé', 'assess', 'ss', 'kung-fu'];
  const index = new WhitelistIndex(terms);

  it.each([
    [''],
    ['a'],
    ['aaaaaaa'],
    ['an al analysis an  al'],
    ['assessssess kung-fu kung fu'],
    ['é1é1 xéxé aé1'],
  ])('finds what per-term indexOf loops find: %s', (text) => {
    expect(found(index, text).sort(order)).toEqual(byIndexOf(terms, text).sort(order));
  });

  it('is reusable: a second text does not see the first one', () => {
    found(index, 'aaaaaaaaaaaa');
    expect(found(index, 'aaa').sort(order)).toEqual(byIndexOf(terms, 'aaa').sort(order));
  });
});
