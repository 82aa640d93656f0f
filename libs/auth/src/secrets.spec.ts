import { generateApiKey, hashApiKey, hashPassword, verifyPassword } from './secrets';

describe('secrets', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('scrypt$')).toBe(true);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterz', stored)).resolves.toBe(false);
  });

  it('never produces the same hash twice for one password (salted)', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it.each(['', 'plain', 'bcrypt$x$y', 'scrypt$1$2$3$$'])(
    'refuses a malformed stored hash %p',
    async (stored) => {
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
    },
  );

  it('generates distinct keys whose hash matches', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toEqual(b.key);
    expect(a.key).toMatch(/^arb_[A-Za-z0-9_-]{43}$/);
    expect(hashApiKey(a.key)).toEqual(a.hash);
    expect(a.key.startsWith(a.prefix)).toBe(true);
  });
});
