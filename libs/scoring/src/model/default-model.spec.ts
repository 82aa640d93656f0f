import { scoreOutput } from '../engine/score-output';
import { DEFAULT_MODEL } from './default-model';

// The shipped model must behave sensibly on plain cases, whatever quirks the dev sets have
// (HaluEval's hallucinated answers restate the question; SummEdits' faithful ones paraphrase).
const input = {
  prompt: 'What is the capital of France?',
  context: [{ id: 'c', text: 'The capital of France is Paris.' }],
};
const config = {
  signals: Object.fromEntries(
    ['grounding', 'numbers', 'entities', 'contradiction', 'relevance', 'citations'].map((s) => [
      s,
      { weight: 1 },
    ]),
  ),
  validators: [],
};

function confidence(text: string): number {
  return scoreOutput({ input, output: { text } }, config, DEFAULT_MODEL).confidence;
}

describe('default model sanity', () => {
  it.each<[string, string, number, number]>([
    ['the source sentence itself', 'The capital of France is Paris.', 0.8, 1],
    ['the bare answer span', 'Paris.', 0.8, 1],
    ['an invented answer', 'The capital of France is Lyon, founded by Napoleon in 1850.', 0, 0.2],
    ['an opinion instead of a fact', 'I think it is Lyon, my favourite city.', 0, 0.2],
  ])('%s', (_n, text, lo, hi) => {
    const c = confidence(text);
    expect(c).toBeGreaterThanOrEqual(lo);
    expect(c).toBeLessThanOrEqual(hi);
  });

  it('ranks the copied answer above its negation', () =>
    expect(confidence('The capital of France is Paris.')).toBeGreaterThan(
      confidence('The capital of France is not Paris.') + 0.2,
    ));

  it('restating the question does not count against an answer (signs constrained)', () => {
    const takesUpPrompt = ['relevance.promptCoverage', 'relevance.fromPrompt'];
    for (const f of DEFAULT_MODEL.features.filter((x) => takesUpPrompt.includes(x.name)))
      expect(f.weight).toBeGreaterThanOrEqual(0);
  });
});
