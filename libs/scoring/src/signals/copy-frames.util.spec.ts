import { ContextIndex } from '../engine/context-index';
import { tokenize } from '../text/tokens.util';
import {
  copyFrames,
  copyStats,
  extractiveFragments,
  gapWords,
  hasBigram,
  idsOf,
} from './copy-frames.util';

function fragments(context: string[], output: string): number[] {
  const frames = copyFrames(new ContextIndex(context.map((text, i) => ({ id: `c${i}`, text }))));
  return extractiveFragments(frames, idsOf(frames, tokenize(output))).map((f) => f.length);
}

describe('extractive fragments', () => {
  it.each<[string, string[], string, number[]]>([
    [
      'verbatim copy is one run',
      ['The board approved the dividend.'],
      'the board approved the dividend',
      [5],
    ],
    [
      'one word changed splits the run',
      ['The board approved the new dividend.'],
      'The board rejected the new dividend.',
      [2, 3],
    ],
    [
      'shared words out of order are not runs',
      ['The board approved the dividend.'],
      'dividend approved board',
      [],
    ],
    [
      'the longest run wins over an earlier, shorter one',
      ['of the year. of the board approved it'],
      'of the board approved',
      [4],
    ],
    [
      'a run does not cross passages',
      ['sales grew', 'strongly in Asia'],
      'sales grew strongly in Asia',
      [2, 3],
    ],
    ['empty output', ['anything'], '', []],
  ])('%s', (_n, context, output, lengths) => expect(fragments(context, output)).toEqual(lengths));

  it('coverage and density follow Grusky et al.', () => {
    expect(copyStats([{ start: 0, length: 4 }], 8)).toEqual({
      coverage: 0.5,
      density: 2,
      longest: 4,
    });
    expect(copyStats([], 0)).toEqual({ coverage: 1, density: 0, longest: 0 });
  });
});

describe('bigram and gap tables', () => {
  it('answer like a scan of the context, on a random text of a few hundred distinct words', () => {
    let x = 42;
    const rand = (n: number): number => (x = (x * 1103515245 + 12345) % 2147483648) % n;
    const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x`);
    const text = Array.from({ length: 3000 }, () => vocabulary[rand(vocabulary.length)]).join(' ');
    const frames = copyFrames(new ContextIndex([{ id: 'c', text }]));
    const seq = Array.from(frames.seq);
    for (let k = 0; k < 2000; k++) {
      const a = rand(frames.words.length);
      const b = rand(frames.words.length);
      const bigram = seq.some((w, i) => w === a && seq[i + 1] === b);
      expect(hasBigram(frames, a, b)).toBe(bigram);
      const gaps = seq.flatMap((w, i) => (w === a && seq[i + 2] === b ? [seq[i + 1]] : []));
      const distinctLatestFirst = [...new Set(gaps.reverse())].slice(0, 8);
      expect(gapWords(frames, a, b)).toEqual(gaps.length ? distinctLatestFirst : undefined);
    }
  });
});
