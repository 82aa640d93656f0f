import { Analysis } from '../engine/analysis';
import { unattributable } from './voice.util';

function voice(text: string): ReturnType<typeof unattributable> {
  return unattributable(new Analysis({ input: {}, output: { text } }));
}

describe('unattributable sentences', () => {
  it.each<[string, string, number, number]>([
    ['plain claim', 'Skiing is a winter sport.', 0, 0],
    ['speaker about themself', 'I have been skiing for years.', 1, 0],
    ['question back', 'Do you ski?', 0, 1],
    ['a first-person question counts once, as a question', 'Have I told you about skiing?', 0, 1],
    ['half personal', 'Skiing is a winter sport. My favourite!', 0.5, 0],
    ['quoted question', 'Do you ski?" she asked.', 0, 0],
    ['Malay first person', 'Saya suka main ski.', 1, 0],
    ['"mine" the noun is no first person', 'A coal mine collapsed in the north.', 0, 0],
    ['empty', '', 0, 0],
  ])('%s', (_n, text, personal, question) => {
    const v = voice(text);
    expect(v.personalShare).toBeCloseTo(personal, 5);
    expect(v.questionShare).toBeCloseTo(question, 5);
  });
});
