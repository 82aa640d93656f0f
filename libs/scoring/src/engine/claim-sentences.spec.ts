import { KNOWN_SIGNALS } from './known-names';
import type { ScoringConfig, ScoringInput } from '../scoring.types';
import { CONTRADICTED_SHORT_ANSWER_CAP } from './short-answer-regime';
import { scoreOutput } from './score-output';

// An answer of several short claims (a greeting, two or three claims, an offer of more help) is
// judged claim by claim with the short-answer model when `scoring.shortAnswers` is on.
const signals = Object.fromEntries(KNOWN_SIGNALS.map((s) => [s, { weight: 1 }]));
const SHORT: ScoringConfig = { signals, validators: [], engine: { shortAnswers: true } };
const POOLED: ScoringConfig = { signals, validators: [] };

const kb =
  'Membership freeze: members on a 12-month contract may freeze their membership for up to 3 months per contract year. A freeze fee of $35 is charged per freeze. Requests must be submitted at least 7 days before the freeze starts.';
const ask = (text: string, prompt = 'Can I freeze my membership, and what does it cost?') => ({
  input: { prompt, context: [{ id: 'kb', text: kb }] },
  output: { text },
});
const right =
  'Hi there! On a 12-month contract you can freeze for up to three months a year. The freeze fee is $35 each time. Please submit the request at least 7 days before the freeze starts. Anything else we can help with?';
const wrongFee = right.replace('$35', '$25');
const wrongMonths = right.replace('three months', 'five months');

function claimsOf(input: ScoringInput, config = SHORT) {
  const result = scoreOutput(input, config);
  return {
    result,
    texts: (result.claims ?? []).map((c) => input.output.text!.slice(c.start, c.end)),
  };
}

describe('claim by claim: which answers', () => {
  it('judges each claim of a multi-sentence answer and skips its courtesy', () => {
    const { result, texts } = claimsOf(ask(right));
    expect(texts).toEqual([
      'On a 12-month contract you can freeze for up to three months a year.',
      'The freeze fee is $35 each time.',
      'Please submit the request at least 7 days before the freeze starts.',
    ]);
    expect(result.model).toMatch(/^fitted:short-/);
    const weakest = Math.min(...result.claims!.map((c) => c.confidence));
    expect(result.confidence).toBe(weakest);
    expect(result.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('one wrong figure in one claim sinks the answer', () => {
    const { result } = claimsOf(ask(wrongMonths));
    expect(result.claims).toHaveLength(3);
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.confidence).toBe(result.claims![0].confidence);
  });

  it('a claim whose wrong figure leaves it mostly unsupported sends the whole to the pooled model', () => {
    const { result } = claimsOf(ask(wrongFee));
    expect(result.claims).toBeUndefined();
    expect(result.confidence).toBeLessThan(0.5);
  });

  it('a contradicted claim is capped like a short answer', () => {
    const swapped =
      'Hi! On a 12-month contract you can freeze for up to 7 months a year. Please send the request at least 3 days before it starts.';
    expect(scoreOutput(ask(swapped), SHORT).confidence).toBeLessThanOrEqual(
      CONTRADICTED_SHORT_ANSWER_CAP + 0.2,
    );
  });

  it('cuts a sentence at its semicolons', () => {
    const { texts } = claimsOf(
      ask(
        'Members on a 12-month contract can freeze their membership for up to three months per contract year; the freeze fee is $35 each time, and requests go in at least 7 days before the freeze starts.',
      ),
    );
    expect(texts).toEqual([
      'Members on a 12-month contract can freeze their membership for up to three months per contract year',
      'the freeze fee is $35 each time, and requests go in at least 7 days before the freeze starts.',
    ]);
  });

  it.each<[string, ScoringInput, ScoringConfig]>([
    ['shortAnswers off', ask(right), POOLED],
    [
      'a prompt that asks no question (a summary)',
      ask(right, 'Summarise the freeze policy.'),
      SHORT,
    ],
    ['an answer in the first person', ask(`${right} I froze mine last year.`), SHORT],
    [
      'a claim too long to be a short answer',
      ask(
        'Hi! Members on a 12-month contract may freeze their whole membership for up to three months in every single contract year, paying one separate fee each time they decide to freeze it. The freeze fee is $35 each time.',
      ),
      SHORT,
    ],
    ['a claim with too few words', ask('The freeze fee is $35 each time. Yes, three.'), SHORT],
    [
      'no figure in any claim',
      ask('Hi! You can freeze your membership. Send the request early.'),
      SHORT,
    ],
    ['no context', { input: { prompt: 'Can I freeze?' }, output: { text: right } }, SHORT],
  ])('leaves the whole answer to one model: %s', (_, input, config) => {
    expect(scoreOutput(input, config).claims).toBeUndefined();
  });

  it('a yes opening the answer is skipped like courtesy, a no is not', () => {
    expect(claimsOf(ask(`Yes! ${right}`)).result.claims).toHaveLength(3);
    expect(claimsOf(ask(`No. ${right}`)).result.claims).toBeUndefined();
  });
});
