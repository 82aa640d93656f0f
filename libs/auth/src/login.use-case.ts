import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { AuthError, AuthErrorCode } from './auth.errors';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';
import { TokenService } from './token.service';
import { TokenPair } from '@arbiter/contracts';
import { AccountRepository } from './account.repository';
import { UserEntity } from '@arbiter/persistence';

/**
 * Email and password → tokens. Throttled per account and per address before any password is
 * hashed (LoginThrottled); exactly one password hash per attempt whatever the account (unknown,
 * disabled or real), so neither the answer nor its time tells which emails are accounts.
 */
@Injectable()
export class Login {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly throttle: LoginThrottle,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(email: string, password: string, address: string): Promise<TokenPair> {
    if (!this.config.sso.localLogin)
      throw new AuthError(
        AuthErrorCode.LocalLoginDisabled,
        'Email and password logins are switched off here: sign in with single sign-on',
      );
    const reservation = await this.throttle.reserve(email, address);
    let user: UserEntity | null;
    let ok: boolean;
    try {
      user = await this.accounts.findUserByEmail(email);
      // A user of single sign-on only has no password: checked like an unknown email.
      ok = user?.passwordHash
        ? await this.hasher.verify(password, user.passwordHash)
        : await this.hasher.verifyNobody(password);
    } catch (error) {
      // No answer on the password (an outage): the attempt does not count against anyone.
      await this.throttle.abandoned(reservation).catch(() => undefined);
      throw error;
    }
    // The same answer for an unknown email, a wrong password and a disabled account.
    if (!user || !ok || user.disabledAt !== null)
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'Wrong email or password');
    await this.throttle.succeeded(reservation);
    return this.tokens.issue(user.id, user.role);
  }
}
