import { Injectable } from '@nestjs/common';
import { UserEntity, UserIdentityEntity, UserRole } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthError, AuthErrorCode } from '../auth.errors';

/** Who the provider says signed in, and the role its groups grant. */
export interface ProviderAccount {
  issuer: string;
  subject: string;
  email: string;
  /** The provider vouches for the email (`email_verified: true`). */
  emailVerified: boolean;
  role: UserRole;
}

/** The user a provider account signs in as, and their role before this login (null: new user). */
export interface LinkedUser {
  user: UserEntity;
  roleBefore: UserRole | null;
}

/** Users as single sign-on finds, creates and updates them; linked by issuer and subject. */
@Injectable()
export class SsoAccountRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The user of this provider account, created or updated to the provider's email and role, in
   * one transaction with `onChange` (its audit entry) when the user is new or their role moved.
   * A local account with the same email is linked only when the provider vouches for the email:
   * otherwise anyone able to put that address on a provider account would take it over.
   */
  async link(
    account: ProviderAccount,
    onChange: (tx: EntityManager, linked: LinkedUser) => Promise<void>,
  ): Promise<LinkedUser> {
    try {
      return await this.linkOnce(account, onChange);
    } catch (error) {
      // Two first sign-ins of one person at once: the second insert meets the first's rows
      // (unique email or identity); once again, it finds them and signs in as that user.
      if ((error as { code?: string }).code !== '23505') throw error;
      return this.linkOnce(account, onChange);
    }
  }

  private linkOnce(
    account: ProviderAccount,
    onChange: (tx: EntityManager, linked: LinkedUser) => Promise<void>,
  ): Promise<LinkedUser> {
    return this.db.transaction(async (tx) => {
      const users = tx.getRepository(UserEntity);
      const identities = tx.getRepository(UserIdentityEntity);
      const email = account.email.toLowerCase();
      const identity = await identities.findOneBy({
        issuer: account.issuer,
        subject: account.subject,
      });
      let user = identity
        ? await users.findOne({
            where: { id: identity.userId },
            lock: { mode: 'pessimistic_write' },
          })
        : await users.findOne({ where: { email }, lock: { mode: 'pessimistic_write' } });
      if (user?.disabledAt)
        throw new AuthError(AuthErrorCode.SsoUserDisabled, 'This Arbiter account is disabled');
      if (!identity && user && !account.emailVerified)
        throw new AuthError(
          AuthErrorCode.SsoEmailTaken,
          `An Arbiter account already has the email ${email} and the provider does not vouch for it (email_verified): an admin must link them`,
        );
      let roleBefore: UserRole | null = null;
      if (!user) {
        user = users.create({
          id: randomUUID(),
          email,
          passwordHash: null,
          role: account.role,
          skills: [],
        });
        await users.insert(user);
      } else {
        roleBefore = user.role;
        const changes: Partial<UserEntity> = {};
        if (user.role !== account.role) changes.role = account.role;
        // A new email at the provider follows, unless another user holds it.
        if (user.email !== email && !(await users.existsBy({ email }))) changes.email = email;
        if (Object.keys(changes).length) {
          await users.update({ id: user.id }, changes);
          Object.assign(user, changes);
        }
      }
      await identities.upsert(
        {
          issuer: account.issuer,
          subject: account.subject,
          userId: user.id,
          lastLoginAt: new Date(),
        },
        ['issuer', 'subject'],
      );
      const linked = { user, roleBefore };
      if (roleBefore !== account.role) await onChange(tx, linked);
      return linked;
    });
  }
}
