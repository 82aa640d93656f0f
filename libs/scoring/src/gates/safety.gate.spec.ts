import { scoreOutput } from '../engine/score-output';
import type { GateResult } from '../scoring.types';

function gate(text: string, options: Record<string, unknown> = {}): GateResult {
  return scoreOutput(
    { input: {}, output: { text } },
    { signals: {}, validators: [{ type: 'safety', onFail: 'reject', ...options }] },
  ).gates[0];
}

describe('safety gate', () => {
  it.each([
    ['plain profanity', 'this is shit', ['safety.profanity']],
    ['leetspeak', 'what a b!tch', ['safety.profanity']],
    ['digit substitution', 'sh1t happens', ['safety.profanity']],
    ['repeated letters', 'fuuuuck this', ['safety.profanity']],
    ['spaced letters', 'you f u c k i n g idiot', ['safety.profanity']],
    ['dotted letters', 'that is s.h.i.t', ['safety.profanity']],
    ['Scunthorpe problem avoided', 'Scunthorpe is a town; the assessment passed', []],
    ['clean', 'Thank you for your patience.', []],
    ['empty', '', []],
  ])('%s', (_n, text, codes) => expect(gate(text).findings.map((f) => f.code)).toEqual(codes));

  it.each([
    ['Malay term in code-switched text', 'Okay lah, jangan bodoh sangat', { ms: ['bodoh'] }, true],
    ['Thai term without spaces', 'คุณมันโง่มาก', { th: ['โง่'] }, true],
    ['Tagalog term', 'Ang tanga mo talaga', { tl: ['tanga'] }, true],
    ['term list does not match other words', 'Ang ganda mo talaga', { tl: ['tanga'] }, false],
  ])('terms: %s', (_n, text, terms, flagged) => {
    const g = gate(text, { profanity: false, terms });
    expect(g.findings.some((f) => f.code === 'safety.term')).toBe(flagged);
  });
});
