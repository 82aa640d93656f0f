import { isSocialSentence } from './social-sentences.util';
import { tokenize } from './tokens.util';

describe('isSocialSentence: courtesy around a support answer', () => {
  it.each([
    'Hi there!',
    'Hello po!',
    'Anything else we can help with?',
    'Hope this helps!',
    'Sorry to hear that!',
    'Terima kasih!',
    'Ada apa-apa lagi yang boleh kami bantu?',
    'Semoga berjaya!',
    'Salamat po!',
    'Ingat po!',
    'Yes!',
    'Boleh, tuan.',
    'Opo, pwede po!',
  ])('%s is courtesy', (text) => {
    expect(isSocialSentence(tokenize(text))).toBe(true);
  });

  it.each([
    ['a no answers the question', 'No.'],
    ['a Malay no', 'Tidak, tuan.'],
    ['an opinion', 'Cheerleaders are awesome!'],
    ['a figure', 'See you at 9!'],
    ['a claim', 'Walk-ins are welcome.'],
    ['no word at all', '...'],
  ])('%s: %s is not', (_, text) => {
    expect(isSocialSentence(tokenize(text))).toBe(false);
  });
});
