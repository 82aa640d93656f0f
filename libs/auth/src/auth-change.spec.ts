import { authChangedChannel, decodeAuthChange, encodeAuthChange } from './auth-change';

describe('auth change announcements', () => {
  it.each([
    { kind: 'user' as const, id: '6f1c2a4e-0000-4000-8000-000000000001' },
    { kind: 'memberships' as const, id: '6f1c2a4e-0000-4000-8000-000000000002' },
    { kind: 'apiKey' as const, id: '6f1c2a4e-0000-4000-8000-000000000003' },
  ])('decode reads back what encode wrote ($kind)', (change) => {
    expect(decodeAuthChange(encodeAuthChange(change))).toEqual(change);
  });

  it.each([
    ['not JSON', 'user:123'],
    ['a JSON string', '"user"'],
    ['null', 'null'],
    ['an unknown kind', '{"kind":"workspace","id":"x"}'],
    ['no id', '{"kind":"user"}'],
    ['an empty id', '{"kind":"user","id":""}'],
    ['a number id', '{"kind":"user","id":7}'],
    ['a huge id', JSON.stringify({ kind: 'user', id: 'x'.repeat(201) })],
  ])('decode refuses %s', (_what, message) => {
    expect(decodeAuthChange(message)).toBeNull();
  });

  it('the channel lives under the Redis prefix (one cluster slot with its other keys)', () => {
    expect(authChangedChannel('{arbiter}')).toBe('{arbiter}:auth-changed');
  });
});
