import { hasSynonymIn } from './lexicon';

describe('hasSynonymIn', () => {
  it.each<[string, string[], boolean]>([
    ['car', ['automobile'], true],
    ['big', ['small', 'large'], true],
    ['buy', ['purchase'], true],
    ['car', ['car'], true],
    ['increase', ['decrease'], false],
    ['car', [], false],
    ['xyzzy', ['xyzzy'], false],
  ])('%s among %j → %s', (lemma, words, expected) =>
    expect(hasSynonymIn(lemma, new Set(words))).toBe(expected),
  );
});
