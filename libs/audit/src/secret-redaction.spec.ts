import { asAuditState, REDACTED, redactSecrets } from './secret-redaction';

describe('redactSecrets', () => {
  it.each([
    ['a pipeline or prompt key, kept', { key: 'desk', version: 1 }, { key: 'desk', version: 1 }],
    [
      'a new API key',
      { id: 'k1', key: `arb_${'x'.repeat(43)}`, keyPrefix: 'arb_xxxxxx' },
      { id: 'k1', key: REDACTED, keyPrefix: 'arb_xxxxxx' },
    ],
    ['a password', { email: 'a@b.c', password: 'p' }, { email: 'a@b.c', password: REDACTED }],
    [
      'nested secrets',
      { secrets: [{ id: 's1', secret: 'whsec_x' }] },
      { secrets: [{ id: 's1', secret: REDACTED }] },
    ],
    ['a list of objects', [{ token: 't' }, { name: 'n' }], [{ token: REDACTED }, { name: 'n' }]],
    ['a null secret, kept null', { secret: null }, { secret: null }],
    ['plain values', 'text', 'text'],
    ['an API key as a bare value', `arb_${'y'.repeat(43)}`, REDACTED],
  ])('%s', (_name, input, expected) => {
    expect(redactSecrets(input)).toEqual(expected);
  });

  it('writes dates as ISO text', () => {
    expect(redactSecrets({ at: new Date('2026-01-02T03:04:05Z') })).toEqual({
      at: '2026-01-02T03:04:05.000Z',
    });
  });
});

describe('asAuditState', () => {
  it('keeps objects, wraps bare values and lists, and makes nothing null', () => {
    expect(asAuditState({ a: 1 })).toEqual({ a: 1 });
    expect(asAuditState([1, 2])).toEqual({ value: [1, 2] });
    expect(asAuditState(true)).toEqual({ value: true });
    expect(asAuditState(undefined)).toBeNull();
    expect(asAuditState(null)).toBeNull();
  });
});
