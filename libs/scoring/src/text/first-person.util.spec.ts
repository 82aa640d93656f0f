import { isShortAnswerInput } from '../engine/short-answer-regime';
import { speaksAsI } from './first-person.util';

describe('speaksAsI', () => {
  it.each([
    ['I think he was born in Washington in 1987.', true],
    ["I've been there twice, in 2019 and 2021.", true],
    ['My favourite is the 1985 album.', true],
    ['Saya rasa harganya RM20.', true],
    ['Ako ay pumunta noong 2019.', true],
    // A Tagalog verb prefix, and answers that speak for the service or to the customer.
    ['I-report sa (02) 8888 1234 anumang oras.', false],
    ['We deliver in 3 to 5 working days.', false],
    ['You will get your money back within 5 business days.', false],
    ['Imagine 20 items in the mine shaft.', false],
  ])('%s', (text, expected) => expect(speaksAsI(text)).toBe(expected));
});

describe('the short-answer scope', () => {
  const context = [{ id: 'kb', text: 'Elvis moved to Memphis, Tennessee at 13 years old.' }];
  it('leaves a chat turn about its speaker to the pooled model', () => {
    expect(
      isShortAnswerInput({
        input: { context },
        output: { text: 'I guess he moved to Memphis at 13, I love that city.' },
      }),
    ).toBe(false);
    expect(
      isShortAnswerInput({ input: { context }, output: { text: 'He moved to Memphis at 13.' } }),
    ).toBe(true);
  });
});
