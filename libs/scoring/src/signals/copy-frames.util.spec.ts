import { ContextIndex } from '../engine/context-index';
import { tokenize } from '../text/tokens.util';
import { copyFrames, copyStats, extractiveFragments, idsOf } from './copy-frames.util';

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
