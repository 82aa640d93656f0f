import { readFileSync } from 'fs';
import { join } from 'path';
import { scoreOutput, scoringDefaults } from '@arbiter/scoring';
import { effectivePolicy } from './effective-policy';
import { readPolicy } from './policy.reader';
import { decideRoute } from './route.decider';
import type { Policy } from './policy.types';

// Short support answers scored as the worker scores them with pipelines/demo.yaml (its signals,
// validators and thresholds, then decideRoute) with the short-answer model turned on
// (`scoring: { shortAnswers: true }`, which demo.yaml leaves off: on the held-out support answers
// it also approves 3 of 26 wrong ones, see the README's Evaluation). A correct paraphrase is
// approved without a person, an answer with one wrong fact stays below the AI-review threshold.
// None of these passages or answers is in data/support-answers, so the model never saw them.
const demo = readPolicy(
  readFileSync(join(__dirname, '../../../pipelines/demo.yaml'), 'utf8'),
  'yaml',
).policy as Policy;

const DRAWS = { rollout: 0, qa: 1 };

function judge(prompt: string, context: string[], text: string) {
  const score = scoreOutput(
    {
      input: { prompt, context: context.map((t, i) => ({ id: `kb-${i + 1}`, text: t })) },
      output: { text },
    },
    {
      signals: effectivePolicy(demo, scoringDefaults()).signals,
      validators: demo.validators,
      schemas: demo.schemas,
      engine: { ...demo.scoring, shortAnswers: true },
    },
  );
  return { confidence: score.confidence, route: decideRoute(demo, score, DRAWS).route };
}

const courier = [
  'Standard delivery takes 3 to 5 working days within Peninsular Malaysia.',
  'Express delivery arrives the next working day and costs RM15.',
];
const card = [
  'Kad debit baharu akan dihantar ke alamat anda dalam masa 7 hari bekerja.',
  'Yuran penggantian kad ialah RM12.',
];
const passport = [
  'Maaaring kunin ang pasaporte pagkatapos ng 12 araw ng trabaho.',
  'Kailangan ng appointment bago pumunta sa opisina.',
];
const clinic = [
  'The clinic is open from 8 am to 5 pm on weekdays.',
  'It is closed on public holidays.',
];

describe('demo policy on short support answers', () => {
  it('reads the demo thresholds the cases are about', () =>
    expect(demo.thresholds).toMatchObject({ autoApprove: 0.85, aiReview: 0.5 }));

  it('an English paraphrase is approved', () => {
    const text = 'Express delivery is RM15 and you get it the next working day.';
    const { confidence, route } = judge('How much is express delivery?', courier, text);
    expect(confidence).toBeGreaterThanOrEqual(0.85);
    expect(route).toBe('approved');
  });

  // Measured short of the goal when written (0.843 each, the AI-review band); with model
  // short-2026-12-06b (day sets, Tagalog linked units) they reach 0.995, 0.946 and 0.996.
  it.each<[string, string, string[], string]>([
    [
      'Malay paraphrase',
      'Bila kad baharu akan sampai?',
      card,
      'Kad debit baharu dihantar dalam 7 hari bekerja.',
    ],
    [
      'Tagalog paraphrase',
      'Kailan makukuha ang pasaporte?',
      passport,
      'Makukuha ang pasaporte pagkatapos ng 12 araw ng trabaho.',
    ],
    [
      'code-switched paraphrase',
      'When is the clinic open?',
      clinic,
      'Klinik buka 8 am hingga 5 pm on weekdays.',
    ],
  ])('%s is approved', (_n, prompt, context, text) => {
    const { confidence, route } = judge(prompt, context, text);
    expect(confidence).toBeGreaterThanOrEqual(0.85);
    expect(route).toBe('approved');
  });
  it.each<[string, string, string[], string]>([
    [
      'English, wrong amount',
      'How much is express delivery?',
      courier,
      'Express delivery is RM25 and you get it the next working day.',
    ],
    [
      'English, wrong number of days',
      'How long is standard delivery?',
      courier,
      'Standard delivery takes 3 to 9 working days.',
    ],
    [
      'Malay, wrong number',
      'Bila kad baharu akan sampai?',
      card,
      'Kad debit baharu dihantar dalam 3 hari bekerja.',
    ],
    [
      'Malay, wrong fee',
      'Berapa yuran penggantian kad?',
      card,
      'Yuran penggantian kad ialah RM20.',
    ],
    [
      'Tagalog, negation flipped',
      'Kailangan ba ng appointment?',
      passport,
      'Hindi kailangan ng appointment bago pumunta sa opisina.',
    ],
    [
      'Tagalog, wrong number',
      'Kailan makukuha ang pasaporte?',
      passport,
      'Makukuha ang pasaporte pagkatapos ng 20 araw ng trabaho.',
    ],
    [
      'code-switched, wrong hour',
      'When is the clinic open?',
      clinic,
      'Klinik buka 8 am hingga 7 pm on weekdays.',
    ],
  ])('%s stays below the AI-review threshold', (_n, prompt, context, text) => {
    const { confidence, route } = judge(prompt, context, text);
    expect(confidence).toBeLessThan(0.5);
    expect(route).toBe('human_review');
  });
});
