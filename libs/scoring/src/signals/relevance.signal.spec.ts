import { computeSignals } from '../engine/score-output';

function verdict(prompt: string, output: string): number | undefined {
  const [relevance] = computeSignals(
    { input: { prompt }, output: { text: output } },
    { signals: { relevance: { weight: 1 } } },
  );
  return relevance.output.features['relevance.verdict'];
}

describe('relevance: a yes/no verdict answering a question', () => {
  it.each<[string, string, string, number]>([
    [
      'asked, answers yes',
      'Do you go bowling often?',
      'Yes, it is one of the major throwing sports.',
      1,
    ],
    ['asked, answers no', 'Is the app free?', 'No, it costs five dollars.', 1],
    ['asked, answers without a verdict', 'Is the app free?', 'It costs five dollars.', 0],
    ['not asked', 'Tell me about bowling.', 'Yes, it is one of the major throwing sports.', 0],
    ['a word that starts like a verdict', 'When did it start?', 'Yesterday, at noon.', 0],
    ['Malay', 'Adakah aplikasi itu percuma?', 'Tidak, harganya lima ringgit.', 1],
    ['Tagalog', 'Libre ba ang app?', 'Oo, libre ito.', 1],
  ])('%s', (_n, prompt, output, expected) => expect(verdict(prompt, output)).toBe(expected));
});
