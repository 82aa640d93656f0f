import { stemsOf, tokenize } from '../text/tokens.util';
import { ContextIndex } from './context-index';

const index = new ContextIndex([
  { id: 'a', text: 'Revenue grew 12% in the third quarter. The board approved a dividend.' },
  { id: 'b', text: 'Revenue fell in Asia. Costs grew. The dividend was paid in May.' },
]);

function ranked(words: string, k?: number): string[] {
  return index.search(stemsOf(words), k).map((r) => r.sentence.text);
}

describe('ContextIndex.search', () => {
  it.each<[string, string, number | undefined, string[]]>([
    [
      'best match first',
      'revenue grew in the quarter',
      2,
      ['Revenue grew 12% in the third quarter.', 'Costs grew.'],
    ],
    ['the shorter of two equal matches wins', 'dividend', 1, ['The board approved a dividend.']],
    ['unknown words score nothing', 'zebra', 3, []],
    ['empty query', '', 3, []],
  ])('%s', (_name, words, k, expected) => expect(ranked(words, k)).toEqual(expected));

  it('gives the same answer when asked again (its score buffer is reset between queries)', () => {
    const queries = ['revenue grew', 'dividend board', 'revenue grew'].map(stemsOf);
    const first = queries.map((q) => index.search(q, 3));
    expect(queries.map((q) => index.search(q, 3))).toEqual(first);
    expect(first[2]).toEqual(first[0]);
  });
});

describe('ContextIndex sentences', () => {
  it('hold the tokens of their text, at offsets into the passage', () => {
    const s = index.sentences[1];
    expect(s.tokens.map((t) => t.norm)).toEqual(['the', 'board', 'approved', 'a', 'dividend']);
    const passage = index.passages[s.passage].text;
    expect(s.tokens.map((t) => passage.slice(t.start, t.end))).toEqual(
      tokenize(s.text).map((t) => s.text.slice(t.start, t.end)),
    );
    expect(s.length).toBe(s.tokens.length);
  });
});

describe('ContextIndex stem lookups', () => {
  const passages = [{ id: 'a', text: 'Revenue grew in Asia. Costs fell.' }];
  const probes = ['revenu', 'grew', 'asia', 'cost', 'fell', 'zebra', 'in'];
  const answers = (ix: ContextIndex) =>
    probes.map((s) => [ix.has(s), ix.stemId(s), ix.idf(s), ix.sentencesWith(s)]);

  it('answer the same once a newer index has been built over other text', () => {
    const older = new ContextIndex(passages);
    const before = answers(older);
    const newer = new ContextIndex([{ id: 'b', text: 'Asia fell. Zebra costs grew.' }]);
    expect(answers(older)).toEqual(before);
    expect(answers(newer)).toEqual(answers(new ContextIndex(newer.passages)));
    expect(before.map(([has]) => has)).toEqual([true, true, true, true, true, false, false]);
  });
});
