import { computeSignals } from '../engine/score-output';
import type { SignalOutput } from '../engine/engine.types';

// Figures in other words: spelled out ("five", "lima", "tatlumpung"), in another time unit
// ("one week" for "7 araw"), or as a Malay day of the month ("5hb" for "the 5th").
function run(name: string, context: string, text: string): SignalOutput {
  const [s] = computeSignals(
    { input: { context: [{ id: 'kb', text: context }] }, output: { text } },
    { signals: { [name]: { weight: 1 } } },
  );
  return s.output;
}

const unsupported = (context: string, text: string): string[] =>
  (run('grounding', context, text).evidence as { sentences: { unsupported: string[] }[] })
    .sentences[0].unsupported;
const ungroundedNames = (context: string, text: string): string[] =>
  (
    (run('entities', context, text).evidence as { ungrounded?: { text: string }[] }).ungrounded ??
    []
  ).map((u) => u.text);

describe('grounding of figures in other words', () => {
  const refunds = 'Refunds are paid within 5 business days to the original payment method.';
  const promo = 'Ang GoSURF 99 ay may 8GB na data na valid sa loob ng 7 araw.';
  it('counts a spelled number as the figure it names', () => {
    expect(unsupported(refunds, 'Refunds are paid within five business days.')).toEqual([]);
    // neighbour: another figure spelled out is still unsupported
    expect(unsupported(refunds, 'Refunds are paid within seven business days.')).toEqual(['seven']);
  });
  it('finds the figure after an unsupported word of its sentence that is no figure', () => {
    // The window's figures are read at the first word inside a figure, not before.
    const text = (n: string): string => `Refunds are paid quickly within ${n} business days.`;
    expect(unsupported(refunds, text('five'))).toEqual(['quickly']);
    expect(unsupported(refunds, text('seven'))).toEqual(['quickly', 'seven']);
  });
  it('counts the unit of a converted duration', () => {
    expect(unsupported(promo, 'Ang GoSURF 99 ay 8GB na data for one week.')).not.toContain('week');
    expect(unsupported(promo, 'Ang GoSURF 99 ay 8GB na data for two weeks.')).toContain('weeks');
  });
  it('checks a Tagalog number word against the context figure', () => {
    const ret = 'Maaari mong ibalik ang item sa loob ng 30 araw mula sa pagbili.';
    const numbers = (text: string): number =>
      (run('numbers', ret, text).evidence as { ungrounded: unknown[] }).ungrounded.length;
    expect(numbers('Puwede mong ibalik sa loob ng tatlumpung araw.')).toBe(0);
    expect(numbers('Puwede mong ibalik sa loob ng labinlimang araw.')).toBe(1);
  });
});

describe('entities: days of the month', () => {
  const bill = 'Postpaid bills are issued on the 5th of every month.';
  it('finds Malay "5hb" as "the 5th"', () => {
    expect(ungroundedNames(bill, 'Bil keluar setiap 5hb.')).toEqual([]);
  });
  it('still flags another day', () => {
    expect(ungroundedNames(bill, 'Bil keluar setiap 6hb.')).toEqual(['6hb']);
    expect(
      ungroundedNames('Offer ends 31st August 2022.', 'Offer ends August 30th, 2022.'),
    ).toEqual(['30th']);
  });
});

describe("grounding of a support answer's wording", () => {
  const refunds = 'Refunds are paid within 5 business days to the original payment method.';
  it('takes working days for business days, and not for calendar days', () => {
    expect(unsupported(refunds, 'Refunds are paid within 5 working days.')).toEqual([]);
    expect(unsupported(refunds, 'Refunds are paid within 5 calendar days.')).toEqual(['calendar']);
  });
  it('finds "around the clock" in a 24-hour line, not in a line open 9 to 5', () => {
    const text = 'Call 1800 222 3333, which is open around the clock.';
    expect(unsupported('Call our 24-hour hotline at 1800 222 3333.', text)).toEqual(['open']);
    const numbers = (
      run('numbers', 'Call 1800 222 3333, open 9 am to 5 pm.', text).evidence as {
        ungrounded: { text: string }[];
      }
    ).ungrounded.map((u) => u.text);
    expect(numbers).toEqual(['around the clock']);
  });
  it('reads "please" as courtesy, not a claim', () => {
    expect(unsupported(refunds, 'Please allow 5 business days for refunds.')).toEqual(['allow']);
  });
});
