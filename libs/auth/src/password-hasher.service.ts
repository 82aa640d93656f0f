import { Injectable } from '@nestjs/common';
import { hashPassword, verifyPassword } from './secrets';

/**
 * Password checks for logins. An unknown email is checked against a dummy hash of the same
 * cost, so a login takes as long whether the account exists or not (the time does not tell).
 */
@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  verify(password: string, stored: string): Promise<boolean> {
    return verifyPassword(password, stored);
  }

  /** As long as verify() on a real hash; always false. */
  async verifyNobody(password: string): Promise<false> {
    this.dummy ??= hashPassword('arbiter: no such account');
    await verifyPassword(password, await this.dummy);
    return false;
  }
}
