import { ContextIndex } from '../engine/context-index';
import { tokenize } from '../text/tokens.util';
import { copyFrames, idsOf } from './copy-frames.util';
import { opposite, prefixOpposite, wordEdits } from './word-edits.util';

const context = [
  'Revenue grew 12% in the third quarter. The board approved the dividend. Customers were not charged a fee. The app is free for students.',
];

function edits(output: string): string[] {
  const frames = copyFrames(new ContextIndex(context.map((text, i) => ({ id: `c${i}`, text }))));
  const tokens = tokenize(output);
  return wordEdits(frames, tokens, idsOf(frames, tokens)).map(
    (e) => `${e.kind}${e.opposite ? '!' : ''}:${e.was ?? ''}>${e.token.norm}`,
  );
}

describe('word edits of copied stretches', () => {
  it.each<[string, string, string[]]>([
    ['faithful copy', 'Revenue grew 12% in the third quarter.', []],
    [
      'direction flipped in place',
      'Revenue declined 12% in the third quarter.',
      ['substitution!:grew>declined'],
    ],
    ['antonym in place', 'The app is paid for students.', ['substitution!:free>paid']],
    ['other word in place', 'The app is cheap for students.', ['substitution:free>cheap']],
    ['WordNet synonym in place is a paraphrase', 'The board sanctioned the dividend.', []],
    ['negation dropped', 'Customers were charged a fee.', ['negationDropped!:not>charged']],
    ['negation inserted', 'The board not approved the dividend.', ['insertion!:>not']],
    ['unrelated text', 'Penguins cannot fly but swim well.', []],
    [
      'negation moved ("were not charged a fee" → "were charged no fee")',
      'Customers were charged no fee.',
      [],
    ],
    ['negation moved, then a word changed', 'Customers were charged no tax.', []],
  ])('%s', (_n, output, expected) => expect(edits(output)).toEqual(expected));

  it.each<[string, string, boolean]>([
    ['suitable', 'unsuitable', true],
    ['functional', 'dysfunctional', true],
    ['increase', 'decrease', true],
    ['higher', 'lower', true],
    ['report', 'announce', false],
    ['in', 'inside', false],
  ])('opposite(%s, %s) = %s', (a, b, expected) => expect(opposite(a, b)).toBe(expected));

  it('finds the prefixed or unprefixed partner in a set', () => {
    const words = new Set(['suitable', 'unhappy']);
    expect(prefixOpposite('unsuitable', (w) => words.has(w))).toBe('suitable');
    expect(prefixOpposite('happy', (w) => words.has(w))).toBe('unhappy');
    expect(prefixOpposite('sad', (w) => words.has(w))).toBeUndefined();
  });
});
