import { CURRENCY_CODES } from './stopwords.util';
import { lexScope, stemsOf, tokenize, tokenizeWords, tokensOf } from './tokens.util';

// The scanner must split exactly as the regex it replaced (kept here as the reference), plus
// one rule: a currency code written against its figure ("RM85") is a word of its own.
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?/gu;
function reference(text: string): { norm: string; start: number; end: number }[] {
  const out: { norm: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const lower = m[0].toLowerCase();
    const code = /^[a-z]{1,3}(?=[0-9])/.exec(lower)?.[0];
    if (code && CURRENCY_CODES.has(code)) {
      out.push({ norm: code, start: m.index, end: m.index + code.length });
      out.push(
        ...reference(text.slice(m.index + code.length, m.index + m[0].length)).map((t) => ({
          ...t,
          start: t.start + m.index + code.length,
          end: t.end + m.index + code.length,
        })),
      );
      continue;
    }
    out.push({ norm: lower.replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
const plain = (text: string) =>
  tokenize(text).map(({ norm, start, end }) => ({ norm, start, end }));

describe('tokenize', () => {
  it.each([
    "Don't stop: it's O'Brien’s rock'n'roll, isn’t it?",
    'Revenue rose 12.5% to $3,400 in Q3 2024 (A320, COVID-19).',
    'l’été naïve café İstanbul ΣΑΣ ﬁle Ⅻ ①② ½ x\u0301y \u0301a',
    'math 𝒔𝒉𝒊𝒕 emoji 😀 lone \ud800 surrogate \udc00 end',
    "trailing' 'leading ok'5 a’’b",
    'Tôi là người Việt Nam',
    'A visit is RM85, PHP500 or usd12.50; RMX5, farm5, ARM64 and A320 stay whole',
  ])('splits like the reference regex: %s', (text) => expect(plain(text)).toEqual(reference(text)));

  it('splits random mixes of letters, marks, digits and apostrophes like the reference', () => {
    const pool = [
      'a',
      'B',
      '7',
      ' ',
      "'",
      '’',
      '\u0301',
      'é',
      'İ',
      '\ud835\udc94',
      '\ud800',
      '-',
      'Ⅻ',
      'ß',
      '٣',
    ];
    let x = 12345;
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = 0; i < 10; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        text += pool[x % pool.length];
      }
      expect(plain(text)).toEqual(reference(text));
    }
  });

  it('splits a currency code from the figure written against it, as if spaced', () => {
    expect(tokenize('RM85').map((t) => t.norm)).toEqual(['rm', '85']);
    expect(tokenize('Rm 85').map((t) => t.norm)).toEqual(['rm', '85']);
    expect(tokenize('RM24.5k').map((t) => t.norm)).toEqual(['rm', '24', '5k']);
    expect(tokenize('ARM64 A320 FARM5').map((t) => t.norm)).toEqual(['arm64', 'a320', 'farm5']);
  });

  it('gives the same word the same stem whatever its case', () => {
    const [a, b] = tokenize('Increased increased');
    expect(a.stem).toBe(b.stem);
    expect(a.norm).toBe('increased');
  });

  it('segments scripts written without spaces with Intl.Segmenter', () => {
    expect(tokenize('hello ภาษาไทย').map((t) => t.norm)).toEqual(
      expect.arrayContaining(['hello', 'ภาษา', 'ไทย']),
    );
  });

  it.each([
    "Don't stop: it's O'Brien’s rock'n'roll, isn’t it?",
    'Revenue rose 12.5% to $3,400 in Q3 2024 (A320, COVID-19).',
    'hello ภาษาไทย world',
    '',
  ])('gives the same words through tokenizeWords, tokensOf and stemsOf: %s', (text) => {
    const tokens = tokenize(text);
    lexScope();
    const words = tokenizeWords(text);
    expect(tokensOf(words, 0, words.lex.length)).toEqual(tokens);
    const n = words.lex.length;
    expect(tokensOf(words, Math.min(1, n), Math.min(3, n))).toEqual(tokens.slice(1, 3));
    expect(stemsOf(text)).toEqual(tokens.map((t) => t.stem));
  });

  it('keeps the words of one text when the next is tokenized (scratch buffers are copied out)', () => {
    lexScope();
    const first = tokenizeWords('alpha beta gamma');
    tokenizeWords('delta epsilon zeta eta theta');
    expect(tokensOf(first, 0, first.lex.length).map((t) => [t.norm, t.start, t.end])).toEqual([
      ['alpha', 0, 5],
      ['beta', 6, 10],
      ['gamma', 11, 16],
    ]);
  });
});
