import { loadConfig, parseAiProviders } from '@arbiter/config';
import { ProviderFailure } from './ai-review.types';
import { gatherEvidence } from './embedded.evidence';
import { reviewEmbedded } from './embedded.reviewer';
import { retryAfterMs } from './openai-compatible.provider';
import { routeFault, routeVerdict } from './outcome.decider';
import { redactItem, restoreVerdict } from './pii.redactor';
import { buildPrompt } from './prompt.templates';
import { costUsd } from './token.meter';
import { parseVerdictText } from './verdict.parser';

const verdict = (v: string, confidence: number) => ({
  verdict: v as 'approve',
  confidence,
  reasons: ['r'],
  problematicSpans: [],
});

describe('parseVerdictText', () => {
  it('accepts a valid verdict, also inside a Markdown fence', () => {
    const text =
      '```json\n{"verdict":"approve","confidence":0.9,"reasons":["ok"],"problematicSpans":["x",{"text":"y","reason":"z"}]}\n```';
    expect(parseVerdictText(text)).toEqual({
      verdict: 'approve',
      confidence: 0.9,
      reasons: ['ok'],
      problematicSpans: [{ text: 'x' }, { text: 'y', reason: 'z' }],
    });
  });
  it.each([
    ['{"verdict":"approve"', 'malformed'],
    ['hello', 'malformed'],
    ['[]', 'schema'],
    ['{"verdict":"yes","confidence":0.9,"reasons":[]}', 'schema'],
    ['{"verdict":"approve","confidence":1.5,"reasons":[]}', 'schema'],
    ['{"verdict":"approve","confidence":"high","reasons":[]}', 'schema'],
    ['{"verdict":"approve","confidence":0.9}', 'schema'],
    ['{"verdict":"approve","confidence":0.9,"reasons":[1]}', 'schema'],
    [
      '{"verdict":"approve","confidence":0.9,"reasons":[],"problematicSpans":[{"start":1}]}',
      'schema',
    ],
    [
      '{"verdict":"The answer says QUOTED Lyon, reject it","confidence":0.9,"reasons":[]}',
      'schema',
    ],
    ['The answer says QUOTED Lyon is the capital. {"verdict":"reject"}', 'malformed'],
  ])('refuses %s as %s', (text, kind) => {
    expect(() => parseVerdictText(text)).toThrow(ProviderFailure);
    try {
      parseVerdictText(text);
    } catch (error) {
      expect((error as ProviderFailure).kind).toBe(kind);
      // The message is stored where erasure does not look: it never quotes the answer.
      expect((error as ProviderFailure).message).not.toContain('QUOTED');
    }
  });
});

describe('routeVerdict', () => {
  const section = { providers: ['x'], approveAt: 0.8 };
  it.each([
    [verdict('approve', 0.8), {}, 'approved', 'ai'],
    [verdict('approve', 0.79), {}, 'human_review', undefined],
    [verdict('approve', Number.NaN), {}, 'human_review', undefined],
    [verdict('unsure', 1), {}, 'human_review', undefined],
    [verdict('reject', 0.9), { onReject: 'reject' as const }, 'rejected', 'ai'],
    [verdict('reject', 0.9), { onReject: 'human' as const }, 'human_review', undefined],
    [verdict('reject', 0.9), {}, 'human_review', undefined],
    [verdict('reject', 0.5), { onReject: 'reject' as const }, 'human_review', undefined],
  ])('%j with %j → %s', (v, extra, route, decidedBy) => {
    const r = routeVerdict({ ...section, ...extra }, v, 'x');
    expect(r.route).toBe(route);
    expect(r.decidedBy).toBe(decidedBy);
    expect(r.reasons.some((x) => x.code === 'ai.reason')).toBe(true);
  });
  it('defaults approveAt to 0.9 and routes faults to people', () => {
    expect(routeVerdict({ providers: ['x'] }, verdict('approve', 0.89), 'x').route).toBe(
      'human_review',
    );
    expect(routeFault('ai_review.unavailable', 'down')).toEqual({
      route: 'human_review',
      reasons: [{ code: 'ai_review.unavailable', message: 'down' }],
    });
  });
});

describe('PII redaction', () => {
  it('uses one typed placeholder per value everywhere and maps the answer back', () => {
    const r = redactItem({
      prompt: 'Mail a@b.co',
      context: [{ id: 'c', text: 'a@b.co and S1234567D' }],
      output: 'Sent to a@b.co.',
      samples: ['a@b.co'],
    });
    expect(r.item).toEqual({
      prompt: 'Mail [EMAIL_1]',
      context: [{ id: 'c', text: '[EMAIL_1] and [SG_NRIC_1]' }],
      output: 'Sent to [EMAIL_1].',
      samples: ['[EMAIL_1]'],
    });
    expect(r.counts).toEqual({ email: 1, sg_nric: 1 });
    const back = restoreVerdict(
      {
        verdict: 'reject',
        confidence: 1,
        reasons: ['[EMAIL_1] wrong'],
        problematicSpans: [{ text: 'to [EMAIL_1]' }],
      },
      r.map,
      'Sent to a@b.co.',
    );
    expect(back.reasons).toEqual(['a@b.co wrong']);
    expect(back.problematicSpans).toEqual([{ text: 'to a@b.co', start: 5, end: 14 }]);
  });
  it('leaves text without PII alone', () => {
    expect(redactItem({ context: [], output: 'Nothing here.', samples: [] }).map.size).toBe(0);
  });
});

describe('embedded reviewer', () => {
  const context = [
    {
      id: 'd1',
      text: 'Paris is the capital and largest city of France. It has about 2.1 million inhabitants.',
    },
  ];
  it('approves a grounded answer, flags a changed number, and is deterministic', () => {
    const good = reviewEmbedded({
      prompt: 'How many people live in Paris?',
      context,
      output: 'Paris has about 2.1 million inhabitants.',
      samples: [],
    });
    expect(good.verdict).toBe('approve');
    expect(good.problematicSpans).toEqual([]);
    const bad = reviewEmbedded({
      prompt: 'How many people live in Paris?',
      context,
      output: 'Paris has about 9.4 million inhabitants.',
      samples: [],
    });
    expect(bad.verdict).not.toBe('approve');
    expect(bad.problematicSpans).toEqual([
      expect.objectContaining({ start: 0, end: 40, reason: expect.stringContaining('9.4') }),
    ]);
    expect(
      reviewEmbedded({ context, output: 'Paris has about 9.4 million inhabitants.', samples: [] }),
    ).toEqual(
      reviewEmbedded({ context, output: 'Paris has about 9.4 million inhabitants.', samples: [] }),
    );
  });
  it('finds a word swapped in from elsewhere in the source, not a synonym of the aligned sentence', () => {
    const ctx = [
      {
        id: 'd1',
        text: 'The firm begins to buy shares of Acme in March under the new plan of its board. Tom Baker will start the audit and purchase bonds.',
      },
    ];
    const swapped = gatherEvidence({
      context: ctx,
      output:
        'The firm begins to buy shares of Tom Baker in March under the new plan of its board.',
      samples: [],
    });
    expect(swapped.claims[0].swappedWords).toEqual(['tom', 'bake']); // lemmas: "Baker" → "bake"
    expect(swapped.features.swappedWordsLog).toBeGreaterThan(0);
    // "started" and "purchase" also stand elsewhere in the source, but as synonyms of the aligned sentence's words they are no swap.
    const synonym = gatherEvidence({
      context: ctx,
      output:
        'The firm starts to purchase shares of Acme in March under the new plan of its board.',
      samples: [],
    });
    expect(synonym.claims[0].swappedWords).toEqual([]);
    expect(synonym.features.swappedWordsLog).toBe(0);
  });
  it('never approves when the samples disagree', () => {
    const output = 'Paris has about 2.1 million inhabitants.';
    const samples = [
      'Berlin is a city in Germany with many museums.',
      'The moon orbits the earth every month.',
    ];
    expect(reviewEmbedded({ context, output, samples }).verdict).not.toBe('approve');
  });
  it('is unsure without context', () => {
    expect(reviewEmbedded({ context: [], output: 'Anything.', samples: [] }).verdict).toBe(
      'unsure',
    );
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
  });
  it('prices calls per 1k tokens', () => {
    const [p] = parseAiProviders(
      JSON.stringify([
        {
          name: 'p',
          kind: 'openai-compatible',
          baseUrl: 'http://x/v1',
          model: 'm',
          region: 'r',
          pricePer1kInput: 0.01,
          pricePer1kOutput: 0.03,
        },
      ]),
      [],
    );
    expect(costUsd(p, 1000, 100)).toBe(0.013);
  });
  it('builds the versioned prompt and refuses an unknown version', () => {
    expect(buildPrompt({ context: [], output: 'x', samples: [] }, 'v1')).toHaveLength(2);
    expect(() => buildPrompt({ context: [], output: 'x', samples: [] }, 'v9')).toThrow(
      /unknown reviewer prompt version "v9"/,
    );
  });
});

describe('parseAiProviders (ARBITER_AI_PROVIDERS)', () => {
  it('always has the embedded provider', () => {
    expect(parseAiProviders(undefined, []).map((p) => p.name)).toEqual(['embedded']);
  });
  it.each([
    ['not json', /ARBITER_AI_PROVIDERS is not valid JSON/],
    ['{}', /must be a JSON array/],
    ['[{"name":"a","kind":"grpc","model":"m","region":"r"}]', /\[0\]\.kind must be/],
    [
      '[{"name":"a","kind":"openai-compatible","model":"m","region":"r"}]',
      /\[0\]\.baseUrl must be a non-empty string/,
    ],
    [
      '[{"name":"a","kind":"openai-compatible","baseUrl":"ftp://x","model":"m","region":"r"}]',
      /\[0\]\.baseUrl must use http/,
    ],
    [
      '[{"name":"a","kind":"openai-compatible","baseUrl":"http://x","model":"m","region":"r","timeoutMs":-1}]',
      /\[0\]\.timeoutMs must be a number/,
    ],
    [
      '[{"name":"a","kind":"openai-compatible","baseUrl":"http://x","model":"m","region":"r","colour":1}]',
      /\[0\]\.colour is not a known setting/,
    ],
    ['[{"name":"a","kind":"embedded"},{"name":"a","kind":"embedded"}]', /names provider "a" twice/],
  ])('refuses %s naming the variable', (json, message) => {
    const problems: string[] = [];
    parseAiProviders(json, problems);
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('loadConfig AI settings', () => {
  it.each([
    [{ ARBITER_AI_DAILY_BUDGET_USD: 'lots' }, /ARBITER_AI_DAILY_BUDGET_USD must be a number/],
    [{ ARBITER_AI_PROVIDERS: '[1]' }, /ARBITER_AI_PROVIDERS\[0\] must be an object/],
    [{ ARBITER_AI_BREAKER_FAILURES: '0' }, /ARBITER_AI_BREAKER_FAILURES must be an integer/],
  ])('refuses %j at boot naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
  it('reads a total budget', () => {
    expect(loadConfig({ ARBITER_AI_DAILY_BUDGET_USD: '25.5' }).aiReview.dailyBudgetUsd).toBe(25.5);
  });
});
