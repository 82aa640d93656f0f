import { tokenize } from '../text/tokens.util';
import { negatedAbout, wordsOf } from './clause-negation.util';
import { lazyWordsOf } from './short-claims.util';

const negated = (stretch: string, other: string): boolean =>
  negatedAbout(tokenize(stretch), wordsOf(tokenize(other)));

describe('negatedAbout', () => {
  const refill =
    'Repeat prescriptions can be requested online without an appointment and are ready for collection in 2 working days.';
  it.each<[string, string, string, boolean]>([
    // "Without" negates the next words, up to a coordinator.
    ['the words negated', refill, 'You need an appointment', true],
    ['the words left out', refill, 'request the repeat online', false],
    ['words after "and"', refill, 'it will be ready for collection in 2 working days', false],
    ['a gloss of the words negated', 'Datang tanpa temu janji.', 'you need an appointment', true],
    ['Malay "tanpa", words left out', 'Datang tanpa temu janji.', 'datang hari Rabu', false],
    // Other negators, and "free", negate the whole stretch.
    ['"not"', 'Deliveries are not made on Sundays.', 'we deliver on Saturdays', true],
    ['"free"', 'Libre ang delivery.', 'may bayad ang delivery', true],
    ['no negator', 'Plain water is allowed.', 'drink water', false],
    // "Non-" says "not" (the tokenizer cuts it off at the hyphen).
    ['"non-"', 'A non-refundable fee is charged.', 'the fee is refundable', true],
    [
      '"non-…able" about its verb',
      'A non-refundable fee is charged.',
      "the fee isn't refunded",
      true,
    ],
    ['"non-" about another word', 'The non-metropolitan district of Burnley.', 'Burnley', false],
    // "Without X … not" requires X: two negations about X cancel; about other words they do not.
    ['"without X … not"', 'Forms without a stamp are not accepted.', 'a stamp', false],
    ['"not" with "without" elsewhere', 'Forms without a stamp are not accepted.', 'forms', true],
  ])('%s', (_n, stretch, other, expected) => expect(negated(stretch, other)).toBe(expected));
});

describe('lazyWordsOf', () => {
  it('has the stems, lemmas and glosses wordsOf has', () => {
    const tokens = tokenize('Walang bayad ang pagkabit; refunds were paid within 5 days');
    const lazy = lazyWordsOf(tokens);
    expect([...lazy.lemmas]).toEqual([...wordsOf(tokens).lemmas]);
    expect([...lazy.stems]).toEqual([...wordsOf(tokens).stems]);
    expect(
      negatedAbout(
        tokenize('Datang tanpa temu janji.'),
        lazyWordsOf(tokenize('you need an appointment')),
      ),
    ).toBe(true);
  });
});
