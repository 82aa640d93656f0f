import { CallMemo, memoKey } from './call-memo';

describe('CallMemo', () => {
  it('computes a value once per key and keeps keys apart', () => {
    const memo = new CallMemo();
    const a = memoKey<number[]>('a');
    const b = memoKey<number[]>('b');
    let calls = 0;
    const make = (): number[] => [++calls];
    const first = memo.get(a, make);
    expect(memo.get(a, make)).toBe(first);
    expect(memo.get(b, make)).toEqual([2]);
    expect(calls).toBe(2);
  });

  it('remembers undefined results too', () => {
    const memo = new CallMemo();
    const key = memoKey<undefined>('nothing');
    let calls = 0;
    memo.get(key, () => void calls++);
    memo.get(key, () => void calls++);
    expect(calls).toBe(1);
  });
});
