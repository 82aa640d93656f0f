import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks the changed words only', () => {
    expect(wordDiff('The claim is fraudulent today', 'The claim is not covered today')).toEqual([
      { op: 'same', text: 'The claim is' },
      { op: 'remove', text: ' fraudulent' },
      { op: 'add', text: ' not covered' },
      { op: 'same', text: ' today' },
    ]);
  });

  it.each([
    ['', '', []],
    ['', 'new', [{ op: 'add', text: 'new' }]],
    ['old', '', [{ op: 'remove', text: 'old' }]],
    ['same', 'same', [{ op: 'same', text: 'same' }]],
  ])('%j → %j', (a, b, expected) => {
    expect(wordDiff(a, b)).toEqual(expected);
  });

  it('rebuilds both sides from its parts', () => {
    const before = 'สวัสดี ครับ the quick brown fox';
    const after = 'สวัสดี ค่ะ the slow brown fox jumps';
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.op !== 'add')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== 'remove')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });

  it('keeps a long shared head and tail out of the table', () => {
    const big = 'w '.repeat(3000);
    expect(wordDiff(big + 'old ' + big, big + 'new ' + big)).toEqual([
      { op: 'same', text: big.trimEnd() },
      { op: 'remove', text: ' old' },
      { op: 'add', text: ' new' },
      { op: 'same', text: ' ' + big },
    ]);
  });

  it('falls back to one replacement when the changed middle is huge, instead of a quadratic table', () => {
    const before = 'a '.repeat(2000);
    const after = 'b '.repeat(2000);
    expect(wordDiff(before, after)).toEqual([
      { op: 'remove', text: before.trimEnd() },
      { op: 'add', text: after.trimEnd() },
      { op: 'same', text: ' ' },
    ]);
  });
});
