import { costUsd, estimateInputTokens, estimateTokens } from './token.meter';

describe('token meter', () => {
  it('counts tokens with the o200k tokenizer', () => {
    expect(estimateTokens('hello world')).toBe(2);
    // 3 for the reply's priming, 4 per message for its framing.
    expect(estimateInputTokens([{ role: 'user', content: 'hello world' }])).toBe(3 + 4 + 2);
  });

  it('loads the tokenizer at the first count, not when the lib is imported', () => {
    let loads = 0;
    jest.isolateModules(() => {
      jest.doMock('gpt-tokenizer', () => {
        loads += 1;
        return jest.requireActual('gpt-tokenizer');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const meter = require('./token.meter') as typeof import('./token.meter');
      expect(loads).toBe(0);
      expect(meter.estimateTokens('hello world')).toBe(2);
      meter.estimateTokens('again');
      expect(loads).toBe(1);
    });
  });

  it('prices a call per thousand tokens', () => {
    const provider = { pricePer1kInput: 0.002, pricePer1kOutput: 0.008 } as Parameters<
      typeof costUsd
    >[0];
    expect(costUsd(provider, 1500, 500)).toBeCloseTo(0.007, 8);
  });
});
