import { computeSignals, scoreOutput } from '../engine/score-output';
import type { ScoringInput, SignalResult } from '../scoring.types';

function signal(
  name: string,
  output: ScoringInput['output'],
  input: ScoringInput['input'] = {},
): SignalResult {
  return scoreOutput({ input, output }, { signals: { [name]: { weight: 1 } }, validators: [] })
    .signals[0];
}

const context = [
  {
    id: 'r',
    text: 'Revenue grew 12% in the third quarter. The board approved the dividend. Customers were not charged a fee. Profits were strong.',
  },
];

describe('contradiction signal', () => {
  it.each([
    ['faithful', 'Revenue grew 12% in the third quarter.', []],
    ['negation inserted', 'The board did not approve the dividend.', ['negation']],
    ['negation removed', 'Customers were charged a fee.', ['negation']],
    ['WordNet antonym', 'Profits were weak.', ['antonym']],
    [
      'direction flipped (not a WordNet pair)',
      'Revenue declined 12% in the third quarter.',
      ['polarity'],
    ],
    ['number flipped', 'Revenue grew 15% in the third quarter.', ['number']],
    ['unrelated sentence is not judged', 'The weather in Paris was not nice.', []],
  ])('%s', (_n, text, kinds) => {
    const s = signal('contradiction', { text }, { context });
    const ev = s.evidence as { cues: { kind: string }[] };
    expect(ev.cues.map((c) => c.kind)).toEqual(kinds);
    expect(s.score).toBe(kinds.length ? 0.6 : 1);
  });

  it('is missing without context', () =>
    expect(signal('contradiction', { text: 'x' }, {}).missing).toBe(true));

  const report = [
    {
      id: 'r',
      text: 'The new app is suitable for beginners and it is free of charge. Sales in Asia grew strongly while sales in Europe were flat over the year.',
    },
  ];
  it.each<[string, string, string[], Record<string, number>]>([
    [
      'negating prefix (WordNet has no pair)',
      'The new app is unsuitable for beginners.',
      ['antonym'],
      {},
    ],
    [
      'one word flipped inside a copied stretch, too loose a paraphrase for the sentence check',
      'Analysts at several banks said on Monday that sales in Asia fell strongly while sales elsewhere stalled.',
      ['edit'],
      { 'contradiction.edits': Math.log(2) },
    ],
    [
      'a flip in a fused summary sentence is counted loosely',
      'The app was paid, and Europe was flat, analysts noted.',
      [],
      { 'contradiction.looseOpposites': Math.log(2) },
    ],
    ['faithful fused summary', 'Sales grew strongly in Asia and the app is free.', [], {}],
  ])('%s', (_n, text, kinds, features) => {
    const out = scoreOutput(
      { input: { context: report }, output: { text } },
      { signals: { contradiction: { weight: 1 } }, validators: [] },
    );
    const ev = out.signals[0].evidence as { cues: { kind: string }[] };
    expect(ev.cues.map((c) => c.kind)).toEqual(kinds);
    for (const [k, v] of Object.entries(features))
      expect(featureOf(text, report, k)).toBeCloseTo(v, 5);
  });
});

describe('contradiction signal, short answers', () => {
  const kinds = (ctx: string, text: string): string[] => {
    const out = scoreOutput(
      { input: { context: [{ id: 'k', text: ctx }] }, output: { text } },
      { signals: { contradiction: { weight: 1 } }, validators: [] },
    );
    return (out.signals[0].evidence as { cues: { kind: string }[] }).cues.map((c) => c.kind);
  };
  const shop =
    'Antibiotics are sold only with a valid prescription from a registered doctor; prescriptions older than 30 days are not accepted.';

  it("reads a negator in the sentence's other clause as about something else", () => {
    expect(kinds(shop, 'Antibiotics are sold with a valid prescription from a doctor.')).toEqual(
      [],
    );
    expect(kinds(shop, 'Prescriptions older than 30 days are accepted.')).toContain('negation');
  });

  it('reads "non-" as negating its word only', () => {
    const fee = 'A non-refundable application fee of $50 is charged.';
    expect(kinds(fee, "The $50 application fee isn't refunded.")).toEqual([]);
    const district = 'Gawthorpe is a ward in the non-metropolitan district of Burnley.';
    expect(kinds(district, 'Gawthorpe is a ward in Burnley.')).toEqual([]);
  });

  const rules =
    'To claim, photo proof of the defect is required. The store is open on Sundays. Late fees are high.';
  it.each([
    ['"not optional" for "required"', 'Photo proof of the defect is not optional.'],
    ['"isn\'t closed" for "open"', "The store isn't closed on Sundays."],
    ['"not low" for "high" (opposite poles)', 'Late fees are not low.'],
  ])('reads a negated opposite as agreeing: %s', (_n, text) =>
    expect(kinds(rules, text)).toEqual([]),
  );

  it('still flags the negation of what the source says, and the opposite said plainly', () => {
    expect(kinds(rules, 'The store is not open on Sundays.')).toEqual(['negation']);
    expect(kinds(rules, 'Photo proof of the defect is optional.')).not.toEqual([]);
    expect(kinds(rules, 'The store is closed on Sundays.')).not.toEqual([]);
  });
});

function featureOf(text: string, ctx: { id: string; text: string }[], name: string): number {
  const [s] = computeSignals(
    { input: { context: ctx }, output: { text } },
    { signals: { contradiction: { weight: 1 } } },
  );
  return s.output.features[name];
}

describe('citations signal', () => {
  const ctx = [
    { id: 'c1', text: 'The excess is 500 dollars per claim.' },
    { id: 'c2', text: 'Flood damage from rivers is excluded.' },
  ];
  it.each([
    ['valid id and verbatim quote', 'The policy says "the excess is 500 dollars" [c1].', 1],
    ['numeric cite resolves by position', 'Floods are excluded [2].', 1],
    ['unknown id', 'Floods are excluded [c9].', 0],
    [
      'quote not in the cited passage (the id itself is valid)',
      'It says "flood damage from rivers is excluded" [c1].',
      0.5,
    ],
    ['one of two fails', 'See [c1] and [c7].', 0.5],
  ])('%s', (_n, text, score) =>
    expect(signal('citations', { text }, { context: ctx }).score).toBeCloseTo(score, 5),
  );

  it('is missing without citations or quotes', () =>
    expect(signal('citations', { text: 'Plain answer.' }, { context: ctx }).missing).toBe(true));
});
