import { glossOf } from './gloss.lexicon';
import { hasSynonymIn, lemma, paraphrasedIn } from './lexicon';
import { localOppositesOf, localPhrasesIn } from './local-opposites.lexicon';

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

describe('lemma with Malay and Tagalog glosses', () => {
  it.each([
    ['hari', 'day'],
    ['araw', 'day'],
    ['dibuka', 'open'],
    ['nagsasara', 'close'],
    ['percuma', 'free'],
    // English words keep their English lemma, even when Malay has the same spelling.
    ['days', 'day'],
    ['air', 'air'],
    ['jam', 'jam'],
    ['xyzzy', 'xyzzy'],
  ])('%s → %s', (word, expected) => expect(lemma(word)).toBe(expected));
});

describe('paraphrasedIn', () => {
  it.each<[string, string[], boolean]>([
    ['hari', ['day'], true],
    ['bayaran', ['fee'], true], // a second gloss
    ['dipulangkan', ['refund'], true],
    ['libre', ['free'], true],
    ['automobile', ['car'], true], // WordNet synonyms still count
    ['hari', ['week'], false],
    ['percuma', ['paid'], false],
    ['xyzzy', ['day'], false],
  ])('%s among %j → %s', (word, lemmas, expected) =>
    expect(paraphrasedIn(word, new Set(lemmas))).toBe(expected),
  );
});

describe("paraphrasedIn with the context words' stems", () => {
  // WordNet lists "exchanged" as an adjective, so its lemma stays "exchanged": the gloss
  // "exchange" of "tukar" meets it by stem (support-answers-dev cs-shop-exchange-r2).
  it('matches a gloss by stem where the lemma stays inflected', () => {
    expect(lemma('exchanged')).toBe('exchanged');
    expect(paraphrasedIn('tukar', new Set(['exchanged']))).toBe(false);
    expect(paraphrasedIn('tukar', new Set(['exchanged']), new Set(['exchang']))).toBe(true);
  });

  it('leaves words without a gloss, and unrelated stems, unmatched', () => {
    expect(paraphrasedIn('exchange', new Set(['exchanged']), new Set(['exchang']))).toBe(false);
    expect(paraphrasedIn('tukar', new Set(['attached']), new Set(['attach']))).toBe(false);
  });
});

describe('everyday code-switch vocabulary', () => {
  it.each<[string, string]>([
    ['ambil', 'take'], // "ambil masa 5 hari" takes 5 days
    ['mana', 'any'], // "mana-mana" reaches the lexicon as two "mana"
    ['merta', 'immediately'], // and "serta-merta" as "serta" "merta"
    ['datang', 'visit'],
    ['cawangan', 'branch'],
    ['unli', 'unlimited'],
    ['kasama', 'plus'],
    ['semenanjung', 'peninsular'],
    ['keluarkan', 'withdraw'], // "keluarkan sehingga RM1,500" against "had pengeluaran"
    ['had', 'limit'],
  ])('%s has the gloss %s', (word, gloss) => expect(glossOf(word)).toContain(gloss));
});

describe('glossOf', () => {
  it('lists every gloss, commonest first, and nothing for unknown words', () => {
    expect(glossOf('bayaran')).toEqual(['payment', 'fee', 'charge', 'pay']);
    expect(glossOf('unknown')).toEqual([]);
    expect(glossOf('')).toEqual([]);
  });
});

describe('local opposites', () => {
  it('pairs single words and two-word phrases ("may bayad", paid, against "libre", free)', () => {
    expect(localOppositesOf('may bayad')).toContain('libre');
    expect(localOppositesOf('libre')).toContain('may bayad');
    expect(localOppositesOf('walang bayad')).toContain('may bayad');
    expect(localOppositesOf('bayad')).toEqual([]);
  });

  it('finds the listed phrases among adjacent words', () => {
    expect(localPhrasesIn(['may', 'bayad', 'ang', 'delivery'])).toEqual(['may bayad']);
    expect(localPhrasesIn(['walang', 'bayad'])).toEqual(['walang bayad']);
    // "may" ("has", or English "may") before another word is no phrase of the list.
    expect(localPhrasesIn(['you', 'may', 'pay', 'bayad'])).toEqual([]);
  });
});
