import type { Policy, RouteDecision, RouteGate } from './policy.types';
import { decideRoute } from './route.decider';

const base: Policy = {
  pipeline: 'p',
  signals: {},
  validators: [],
  thresholds: { autoApprove: 0.9, aiReview: 0.6 },
  aiReview: { providers: ['embedded'] },
  review: { queue: 'q' },
};
const noAi: Policy = { ...base, aiReview: undefined };
const rollout25: Policy = { ...base, rollout: { autoApproveShare: 0.25 } };
const qa10: Policy = { ...base, qa: { sampleAutoApproved: 0.1 } };

const pass = (type: string, onFail: RouteGate['onFail'] = 'reject'): RouteGate => ({
  type,
  passed: true,
  onFail,
});
const fail = (type: string, onFail: RouteGate['onFail'], codes: string[] = []): RouteGate => ({
  type,
  passed: false,
  onFail,
  findings: codes.map((code) => ({ code, message: `${code} found` })),
});
const draws = { rollout: 0.5, qa: 0.5 };

type Row = [
  string,
  Policy,
  number,
  RouteGate[],
  { rollout: number; qa: number },
  Partial<RouteDecision> & { codes?: string[] },
];

const table: Row[] = [
  [
    'high confidence approves',
    base,
    0.95,
    [pass('length')],
    draws,
    { route: 'approved', decidedBy: 'auto', qaSample: false, codes: ['confidence.high'] },
  ],
  ['exactly autoApprove approves', base, 0.9, [], draws, { route: 'approved', decidedBy: 'auto' }],
  [
    'just under autoApprove → ai_review',
    base,
    0.8999,
    [],
    draws,
    { route: 'ai_review', decidedBy: undefined, codes: ['band.doubtful'] },
  ],
  [
    'exactly aiReview → ai_review',
    base,
    0.6,
    [],
    draws,
    { route: 'ai_review', codes: ['band.doubtful'] },
  ],
  [
    'doubtful band without an AI reviewer → humans',
    noAi,
    0.7,
    [],
    draws,
    { route: 'human_review', codes: ['band.doubtful'] },
  ],
  [
    'below aiReview → humans',
    base,
    0.59,
    [],
    draws,
    { route: 'human_review', codes: ['confidence.low'] },
  ],
  [
    'zero confidence → humans',
    base,
    0,
    [],
    draws,
    { route: 'human_review', codes: ['confidence.low'] },
  ],
  [
    'NaN confidence never approves',
    base,
    NaN,
    [],
    draws,
    { route: 'human_review', codes: ['confidence.invalid'] },
  ],
  [
    'Infinity confidence never approves',
    base,
    Infinity,
    [],
    draws,
    { route: 'human_review', codes: ['confidence.invalid'] },
  ],
  [
    'confidence above 1 never approves',
    base,
    1.5,
    [],
    draws,
    { route: 'human_review', codes: ['confidence.invalid'] },
  ],
  [
    'negative confidence → humans',
    base,
    -0.1,
    [],
    draws,
    { route: 'human_review', codes: ['confidence.invalid'] },
  ],
  [
    'reject gate beats high confidence',
    base,
    0.99,
    [fail('phrases', 'reject', ['phrase.denied'])],
    draws,
    { route: 'rejected', decidedBy: 'policy', codes: ['phrase.denied'] },
  ],
  [
    'reject gate beats human gate, reasons from every reject gate',
    base,
    0.99,
    [
      fail('pii', 'human', ['pii.email']),
      fail('jsonSchema', 'reject', ['json.schema']),
      fail('phrases', 'reject', ['phrase.denied', 'phrase.denied2']),
    ],
    draws,
    { route: 'rejected', codes: ['json.schema', 'phrase.denied', 'phrase.denied2'] },
  ],
  [
    'reject gate without findings gets a generic reason',
    base,
    0.99,
    [fail('jsonSchema', 'reject')],
    draws,
    { route: 'rejected', codes: ['gate.jsonSchema'] },
  ],
  [
    'human gate beats high confidence',
    base,
    0.99,
    [fail('phrases', 'human', ['phrase.denied'])],
    draws,
    { route: 'human_review', decidedBy: undefined, codes: ['phrase.denied'] },
  ],
  [
    'unknown onFail is treated as human (fail safe)',
    base,
    0.99,
    [fail('x', 'approve' as RouteGate['onFail'])],
    draws,
    { route: 'human_review', codes: ['gate.x'] },
  ],
  [
    'flag gate adds a flag and still approves',
    base,
    0.95,
    [fail('length', 'flag', ['length.max'])],
    draws,
    { route: 'approved', flags: ['flag:length'], codes: ['confidence.high'] },
  ],
  [
    'flags are kept on other routes, once per type',
    base,
    0.3,
    [fail('length', 'flag'), fail('length', 'flag'), fail('language', 'flag')],
    draws,
    { route: 'human_review', flags: ['flag:length', 'flag:language'] },
  ],
  [
    'flags are kept on rejection',
    base,
    0.95,
    [fail('length', 'flag'), fail('phrases', 'reject')],
    draws,
    { route: 'rejected', flags: ['flag:length'] },
  ],
  [
    'rollout draw under the share approves',
    rollout25,
    0.95,
    [],
    { rollout: 0.2499, qa: 0.5 },
    { route: 'approved', decidedBy: 'auto' },
  ],
  [
    'rollout draw at the share is held',
    rollout25,
    0.95,
    [],
    { rollout: 0.25, qa: 0.5 },
    { route: 'human_review', decidedBy: undefined, codes: ['rollout.held'] },
  ],
  [
    'rollout share 0 holds everything',
    { ...base, rollout: { autoApproveShare: 0 } },
    0.95,
    [],
    { rollout: 0, qa: 0.5 },
    { route: 'human_review', codes: ['rollout.held'] },
  ],
  [
    'NaN rollout draw is held',
    base,
    0.95,
    [],
    { rollout: NaN, qa: 0.5 },
    { route: 'human_review', codes: ['rollout.held'] },
  ],
  [
    'rollout does not touch the doubtful band',
    rollout25,
    0.7,
    [],
    { rollout: 0.99, qa: 0.5 },
    { route: 'ai_review' },
  ],
  [
    'qa draw under the share samples',
    qa10,
    0.95,
    [],
    { rollout: 0.5, qa: 0.0999 },
    { route: 'approved', qaSample: true },
  ],
  [
    'qa draw at the share does not sample',
    qa10,
    0.95,
    [],
    { rollout: 0.5, qa: 0.1 },
    { route: 'approved', qaSample: false },
  ],
  [
    'no qa section never samples',
    base,
    0.95,
    [],
    { rollout: 0.5, qa: 0 },
    { route: 'approved', qaSample: false },
  ],
  [
    'qa never samples what was not approved',
    qa10,
    0.7,
    [],
    { rollout: 0.5, qa: 0 },
    { route: 'ai_review', qaSample: false },
  ],
];

describe('decideRoute', () => {
  it.each(table)('%s', (_name, policy, confidence, gates, routeDraws, expected) => {
    const decision = decideRoute(policy, { confidence, gates }, routeDraws);
    const { codes, decidedBy, ...rest } = expected;
    expect(decision).toMatchObject({ flags: [], qaSample: false, ...rest });
    if ('decidedBy' in expected) expect(decision.decidedBy).toBe(decidedBy);
    if (codes) expect(decision.reasons.map((r) => r.code)).toEqual(codes);
    for (const reason of decision.reasons) expect(reason.message.length).toBeGreaterThan(0);
  });

  it('drops spans and suggestions from findings: reasons are code + message only', () => {
    const gate = {
      type: 'phrases',
      passed: false,
      onFail: 'human' as const,
      findings: [{ code: 'phrase.denied', message: 'm', suggestion: 's', spans: [] }],
    };
    expect(decideRoute(base, { confidence: 0.99, gates: [gate] }, draws).reasons).toEqual([
      { code: 'phrase.denied', message: 'm' },
    ]);
  });

  describe('a capped confidence', () => {
    const cap = {
      at: 1 / 33,
      causes: [
        { kind: 'swapped', text: '120' },
        { kind: 'opposite', text: 'opens' },
        { kind: 'swapped', text: '80' },
        { kind: 'swapped', text: '120' },
      ],
    };
    const capped = (policy: Policy, confidence: number, gates: RouteGate[] = []) =>
      decideRoute(policy, { confidence, gates, cap }, draws);

    it('gives the cap and its causes (words grouped by kind, each once) beside the band reason', () => {
      expect(capped(base, 0.03).reasons).toEqual([
        {
          code: 'confidence.low',
          message: 'Confidence 0.03 is below the AI-review threshold 0.6.',
        },
        {
          code: 'score.capped',
          message:
            'The model\'s confidence is capped at 0.03 because the answer contradicts its context: swapped ("120", "80"); opposite ("opens").',
        },
      ]);
    });

    it.each([
      ['low', base, 0.03, 'human_review', 'confidence.low'],
      ['doubtful, to the AI reviewer', base, 0.7, 'ai_review', 'band.doubtful'],
      ['doubtful, no AI reviewer', noAi, 0.7, 'human_review', 'band.doubtful'],
      ['high', base, 0.95, 'approved', 'confidence.high'],
      ['held by the rollout', rollout25, 0.95, 'human_review', 'rollout.held'],
    ])('adds it on every band (%s)', (_name, policy, confidence, route, band) => {
      const decision = capped(policy, confidence);
      expect(decision.route).toBe(route);
      expect(decision.reasons.map((r) => r.code)).toEqual([band, 'score.capped']);
    });

    it('does not add it where a gate or a bad confidence chose the route', () => {
      expect(capped(base, 0.03, [fail('pii', 'reject', ['pii.email'])]).reasons).toEqual([
        { code: 'pii.email', message: 'pii.email found' },
      ]);
      expect(capped(base, 0.03, [fail('pii', 'human')]).reasons.map((r) => r.code)).toEqual([
        'gate.pii',
      ]);
      expect(capped(base, NaN).reasons.map((r) => r.code)).toEqual(['confidence.invalid']);
    });

    it('is absent without a cap, or with a cap that has no cause', () => {
      expect(decideRoute(base, { confidence: 0.03, gates: [] }, draws).reasons).toEqual([
        {
          code: 'confidence.low',
          message: 'Confidence 0.03 is below the AI-review threshold 0.6.',
        },
      ]);
      const empty = decideRoute(
        base,
        { confidence: 0.03, gates: [], cap: { at: 1 / 33, causes: [] } },
        draws,
      );
      expect(empty.reasons.map((r) => r.code)).toEqual(['confidence.low']);
    });
  });

  it('approves only what the rollout share allows, over many draws', () => {
    let approved = 0;
    for (let i = 0; i < 1000; i++) {
      if (
        decideRoute(rollout25, { confidence: 0.95, gates: [] }, { rollout: i / 1000, qa: 0.5 })
          .route === 'approved'
      )
        approved++;
    }
    expect(approved).toBe(250);
  });
});
