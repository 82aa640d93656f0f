import { Analysis } from '../engine/analysis';
import { localContradictions } from './local-contradictions.util';

function cues(context: string[], output: string): string[] {
  const analysis = new Analysis({
    input: { context: context.map((text, i) => ({ id: `c${i}`, text })) },
    output: { text: output },
  });
  const index = analysis.context;
  if (!index) throw new Error('no context');
  return localContradictions(analysis, index).map((c) => `${c.kind}:${c.token.norm}`);
}

const paper = [
  'We train a manager agent to coordinate self-interested workers.',
  'The manager infers their minds and assigns suitable tasks to the workers with bonuses.',
  'Results show the workers strengthened their collaboration over time.',
];

describe('local contradictions', () => {
  it.each<[string, string[], string, string[]]>([
    [
      'faithful fusion of two source sentences',
      paper,
      'A manager agent coordinates self-interested workers and assigns suitable tasks to the workers.',
      [],
    ],
    [
      'negating prefix against the source of that stretch, not the best-aligned sentence',
      paper,
      'We train a manager agent to coordinate self-interested workers by assigning unsuitable tasks to the workers with bonuses.',
      ['opposite:unsuitable'],
    ],
    [
      'opposite pole ("declined" for "grew")',
      ['Sales in Asia grew strongly over the year while costs stayed flat.'],
      'Sales in Asia declined strongly over the year.',
      ['opposite:declined'],
    ],
    [
      'a synonym is a paraphrase, not a flip',
      paper,
      'The manager infers their minds and assigns appropriate tasks to the workers with bonuses.',
      [],
    ],
    [
      'negation the source never states',
      paper,
      'The manager does not assign suitable tasks to the workers.',
      ['unsourcedNegation:not'],
    ],
    [
      'negation the source states another way ("failed to")',
      ['The company failed to get the balance right when it raised prices.'],
      'The company did not get the balance right when it raised prices.',
      [],
    ],
    [
      'a negation moved within its stretch is still sourced',
      ['The authorities have not found any evidence of poison in the schools.'],
      'The authorities have found no evidence of poison in the schools.',
      [],
    ],
    [
      'Malay: "tidak" where the source affirms',
      ['Syarikat itu meluluskan dividen tahunan untuk pemegang saham.'],
      'Syarikat itu tidak meluluskan dividen tahunan untuk pemegang saham.',
      ['unsourcedNegation:tidak'],
    ],
    [
      'Tagalog: "walang bayad" (no fee) where the source says "libre" (free)',
      ['Libre ang delivery para sa order na ₱1,500 pataas sa Metro Manila.'],
      'Walang bayad ang delivery sa Metro Manila para sa order na ₱1,500 pataas.',
      [],
    ],
    [
      'Tagalog: "walang" before another word where the source says "libre"',
      ['Libre ang delivery para sa order na ₱1,500 pataas sa Metro Manila.'],
      'Walang delivery sa Metro Manila para sa order na ₱1,500 pataas.',
      ['unsourcedNegation:walang'],
    ],
    [
      'adversarial: the opposite word appears, but in an unrelated stretch',
      [
        'Revenue grew strongly in Asia over the year.',
        'Costs in Europe weakened margins slightly.',
      ],
      'Revenue grew strongly in Asia over the year.',
      [],
    ],
  ])('%s', (_n, context, output, expected) => expect(cues(context, output)).toEqual(expected));
});
