import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';
import { TokenService } from './token.service';
import { AccountRepository } from './account.repository';
import { UserEntity } from '@arbiter/persistence';
import { AppConfig } from '@arbiter/config';
import { Login } from './login.use-case';

const user = (overrides: Partial<UserEntity> = {}): UserEntity =>
  ({
    id: 'u1',
    email: 'a@b.c',
    passwordHash: 'scrypt$real',
    role: 'reviewer',
    disabledAt: null,
    ...overrides,
  }) as UserEntity;

/** A login over in-memory ports, recording every password hash it computes. */
function setup(found: UserEntity | null, passwordRight: boolean, localLogin = true) {
  const hashes: string[] = [];
  const outcomes: string[] = [];
  const hasher = {
    verify: async (_password: string, stored: string) => (hashes.push(stored), passwordRight),
    verifyNobody: async () => (hashes.push('dummy'), false as const),
  };
  const throttle = {
    reserve: async () => ({ accountKey: 'a', addressKey: 'b' }),
    succeeded: async () => void outcomes.push('succeeded'),
    abandoned: async () => void outcomes.push('abandoned'),
  };
  const login = new Login(
    { findUserByEmail: async () => found } as unknown as AccountRepository,
    throttle as unknown as LoginThrottle,
    hasher as unknown as PasswordHasher,
    {
      issue: async () => ({ accessToken: 'a', refreshToken: 'r', expiresIn: 1 }),
    } as unknown as TokenService,
    { sso: { localLogin, oidc: null } } as unknown as AppConfig,
  );
  return { login, hashes, outcomes };
}

describe('Login', () => {
  it.each<[string, UserEntity | null, boolean, string[]]>([
    ['an unknown email still costs one password hash (a dummy one)', null, false, ['dummy']],
    ['a wrong password costs one hash', user(), false, ['scrypt$real']],
    [
      'a disabled account costs one hash, like any other',
      user({ disabledAt: new Date() }),
      true,
      ['scrypt$real'],
    ],
    [
      'a user of single sign-on only (no password) costs one dummy hash',
      user({ passwordHash: null }),
      true,
      ['dummy'],
    ],
  ])('%s, and is the same 401', async (_name, found, right, expected) => {
    const { login, hashes, outcomes } = setup(found, right);
    await expect(login.run('a@b.c', 'pw', '1.2.3.4')).rejects.toThrow('Wrong email or password');
    expect(hashes).toEqual(expected);
    expect(outcomes).toEqual([]);
  });

  it('the right password frees the throttle places and issues tokens', async () => {
    const { login, outcomes } = setup(user(), true);
    await expect(login.run('a@b.c', 'pw', '1.2.3.4')).resolves.toEqual(
      expect.objectContaining({ accessToken: 'a' }),
    );
    expect(outcomes).toEqual(['succeeded']);
  });

  it('with local logins switched off, refuses every password before looking anything up', async () => {
    const { login, hashes, outcomes } = setup(user(), true, false);
    await expect(login.run('a@b.c', 'pw', '1.2.3.4')).rejects.toMatchObject({
      code: 'auth.local_login_disabled',
    });
    expect(hashes).toEqual([]);
    expect(outcomes).toEqual([]);
  });
});
