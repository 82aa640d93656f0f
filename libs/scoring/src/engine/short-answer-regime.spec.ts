import type { ScoringInput, ScoringModel } from '../scoring.types';
import { DEFAULT_MODEL } from '../model/default-model';
import { SHORT_ANSWER_MODEL } from '../model/short-answer-model';
import { Analysis } from './analysis';
import { computeSignals, scoreOutput } from './score-output';
import { CONTRADICTED_SHORT_ANSWER_CAP, isShortAnswerInput, modelFor } from './short-answer-regime';

const ALL = ['grounding', 'numbers', 'entities', 'contradiction', 'relevance', 'citations'];
const signals = (names: string[], weight = 1) =>
  Object.fromEntries(names.map((s) => [s, { weight }]));

const hours = 'Opening hours: Monday to Saturday 9 am to 6 pm. Sunday 10 am to 4 pm.';
const input = (text: string, context: string | null = hours): ScoringInput => ({
  input: { prompt: 'When do you open?', context: context ? [{ id: 'kb', text: context }] : [] },
  output: { text },
});
const long =
  'The store opens at 9 am from Monday to Saturday and closes at 6 pm, while on Sundays the doors open at 10 am and close at 4 pm. Public holidays follow the Sunday schedule, except Christmas and New Year, when every branch stays closed and online orders ship the following working day.';

function judgeOf(i: ScoringInput, names = ALL, weight = 1, model = DEFAULT_MODEL): ScoringModel {
  const analysis = new Analysis(i);
  return modelFor(
    model,
    analysis,
    computeSignals(i, { signals: signals(names, weight) }, analysis),
  );
}

describe('short-answer regime: which model judges', () => {
  it.each<[string, ScoringInput, string[], number, 'short' | 'pooled']>([
    ['an English one-line answer', input('We open at 9 am Monday to Saturday.'), ALL, 1, 'short'],
    [
      'a Malay one-line answer',
      input(
        'Kedai dibuka pukul 9 pagi, Isnin hingga Sabtu.',
        'Kedai dibuka dari pukul 9 pagi hingga 6 petang, Isnin hingga Sabtu.',
      ),
      ALL,
      1,
      'short',
    ],
    [
      'a Tagalog one-line answer',
      input(
        'Bukas kami ng 9 am mula Lunes hanggang Sabado.',
        'Bukas ang tindahan mula Lunes hanggang Sabado, 9 am hanggang 6 pm.',
      ),
      ALL,
      1,
      'short',
    ],
    ['a code-switched answer', input('Kami open pukul 9 am, Monday to Saturday.'), ALL, 1, 'short'],
    ['a long answer', input(long), ALL, 1, 'pooled'],
    [
      'a reply whose words are mostly not in the context (under MIN_SHORT_ANSWER_SUPPORT)',
      input('My cousin swears their bakery is the best, we went there at 9 am on Saturday.'),
      ALL,
      1,
      'pooled',
    ],
    ['a short answer without context', input('We open at 9 am.', null), ALL, 1, 'pooled'],
    [
      'a short answer without a number or day',
      input('We open every weekday morning.'),
      ALL,
      1,
      'pooled',
    ],
    ['an empty answer', input('   '), ALL, 1, 'pooled'],
    [
      'a policy that leaves out a fact check the short model reads',
      input('We open at 9 am.'),
      ALL.filter((s) => s !== 'numbers'),
      1,
      'pooled',
    ],
    ['a policy that weighs every signal 0', input('We open at 9 am.'), ALL, 0, 'pooled'],
  ])('%s → %s model', (_n, i, names, weight, expected) => {
    const judge = judgeOf(i, names, weight);
    expect(judge).toBe(expected === 'short' ? SHORT_ANSWER_MODEL : DEFAULT_MODEL);
  });

  it('a model without a short-answer model judges everything itself', () => {
    const { shortAnswers: _ignored, ...pooled } = DEFAULT_MODEL;
    const i = input('We open at 9 am Monday to Saturday.');
    expect(judgeOf(i, ALL, 1, pooled)).toBe(pooled);
  });

  it('isShortAnswerInput agrees with the regime', () => {
    expect(isShortAnswerInput(input('We open at 9 am Monday to Saturday.'))).toBe(true);
    expect(isShortAnswerInput(input('Saturday.'))).toBe(false); // a bare span: the pooled model's
    expect(isShortAnswerInput(input(long))).toBe(false);
    expect(isShortAnswerInput(input('We open at 9 am.', null))).toBe(false);
  });

  it('judges with the short-answer model only when the policy turns it on (scoring.shortAnswers)', () => {
    const on = { signals: signals(ALL), validators: [], engine: { shortAnswers: true } };
    const off = { signals: signals(ALL), validators: [] };
    const answer = input('We open at 9 am Monday to Saturday.');
    const short = scoreOutput(answer, on);
    expect(short.model).toBe(`fitted:${SHORT_ANSWER_MODEL.version}`);
    const sum = short.signals.reduce((a, s) => a + s.contribution, SHORT_ANSWER_MODEL.bias);
    expect(sum).toBeCloseTo(short.logit as number, 3);
    expect(scoreOutput(answer, off).model).toBe(`fitted:${DEFAULT_MODEL.version}`);
    expect(scoreOutput(input(long), on).model).toBe(`fitted:${DEFAULT_MODEL.version}`);
    expect(scoreOutput(input('We open every weekday morning and evening.'), on).model).toBe(
      `fitted:${DEFAULT_MODEL.version}`,
    );
  });

  it('says in the contradiction evidence which fact capped a short answer', () => {
    const on = { signals: signals(ALL), validators: [], engine: { shortAnswers: true } };
    const text = 'A check-up is RM120 and scaling is RM80.';
    const capped = scoreOutput(
      input(text, 'A dental check-up costs RM80 and scaling costs RM120.'),
      on,
    );
    expect(capped.confidence).toBeLessThanOrEqual(CONTRADICTED_SHORT_ANSWER_CAP);
    const cues = (
      capped.signals.find((s) => s.name === 'contradiction')?.evidence as {
        cues: { kind: string; start: number; end: number; detail: string }[];
      }
    ).cues.filter((c) => /caps this short answer/.test(c.detail));
    expect(cues.map((c) => `${c.kind}:${text.slice(c.start, c.end)}`)).toEqual(
      expect.arrayContaining(['swapped:120']),
    );
    // The same cause, for routing to give as its reason.
    expect(capped.cap?.at).toBe(CONTRADICTED_SHORT_ANSWER_CAP);
    expect(capped.cap?.causes).toEqual(expect.arrayContaining([{ kind: 'swapped', text: '120' }]));
    const right = scoreOutput(
      input(
        'A check-up is RM80 and scaling is RM120.',
        'A dental check-up costs RM80 and scaling costs RM120.',
      ),
      on,
    );
    expect(JSON.stringify(right.signals)).not.toMatch(/caps this short answer/);
    expect(right.cap).toBeUndefined();
  });
});
