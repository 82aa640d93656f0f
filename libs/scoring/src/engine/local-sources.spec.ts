import { Analysis } from './analysis';
import { localSources, type LocalSources } from './local-sources';

const context = [
  'The new app is suitable for beginners and costs nothing.',
  'Sales in Asia grew strongly over the year.',
  'The board did not approve the dividend.',
];

function sourcesOf(output: string): LocalSources {
  const analysis = new Analysis({
    input: { context: context.map((text, i) => ({ id: `c${i}`, text })) },
    output: { text: output },
  });
  const index = analysis.context;
  if (!index) throw new Error('no context');
  return localSources(analysis, index);
}

/** Each placed output word → the context sentences its neighbours come from. */
function candidates(output: string): Record<string, number[]> {
  const s = sourcesOf(output);
  return Object.fromEntries(
    s.tokens.map((t, k) => [
      t.norm,
      s.candidates.slice(s.candidateFrom[k], s.candidateFrom[k + 1]),
    ]),
  );
}

describe('local sources', () => {
  it.each<[string, string, Record<string, number[]>]>([
    [
      'a copied sentence comes from its sentence',
      'Sales in Asia grew strongly.',
      { sales: [1], asia: [1], grew: [1], strongly: [1] },
    ],
    [
      'a fused sentence: each stretch from its own source, both at the seam',
      'The new app is suitable for beginners and costs nothing, and sales in Asia grew strongly over the year.',
      { app: [0], suitable: [0], costs: [0, 1], sales: [0, 1], grew: [1], year: [1] },
    ],
    [
      'a negator is placed by the words around it',
      'The board did not approve the dividend.',
      { not: [2] },
    ],
    [
      'words whose neighbours meet in no context sentence have no source',
      'Penguins swim happily near Asia.',
      { asia: [] },
    ],
  ])('%s', (_n, output, expected) => expect(candidates(output)).toMatchObject(expected));

  it('tells whether the word itself is there with its neighbours (withWord)', () => {
    const s = sourcesOf('The new app is unsuitable for beginners.');
    const at = (w: string): number => s.tokens.findIndex((t) => t.norm === w);
    expect([s.withWord[at('beginners')], s.inContext[at('beginners')]]).toEqual([2, true]);
    expect([s.withWord[at('unsuitable')], s.inContext[at('unsuitable')]]).toEqual([0, false]);
  });
});
