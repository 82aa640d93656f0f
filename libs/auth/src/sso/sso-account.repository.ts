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
  /** The user's platform role: `admin` (a platform admin) or `reviewer` (roles live in workspaces). */
  role: UserRole;
  /** The workspace roles the provider's groups grant: the user's memberships become exactly these. */
  memberships: { workspaceId: string; role: UserRole }[];
}

/** The user a provider account signs in as, and their role before this login (null: new user). */
export interface LinkedUser {
  user: UserEntity;
  roleBefore: UserRole | null;
  /** Workspace key → role before this login (empty for a new user). */
  membershipsBefore: Record<string, UserRole>;
  /** Whether this login added, removed or changed a membership. */
  membershipsChanged: boolean;
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
      const before = await this.syncMemberships(tx, user.id, account.memberships);
      const membershipsBefore = Object.fromEntries(before.map((m) => [m.key, m.role]));
      const membershipsChanged =
        before.length !== account.memberships.length ||
        account.memberships.some(
          (m) => !before.some((b) => b.workspaceId === m.workspaceId && b.role === m.role),
        );
      const linked = { user, roleBefore, membershipsBefore, membershipsChanged };
      if (roleBefore !== account.role || membershipsChanged) await onChange(tx, linked);
      return linked;
    });
  }

  /**
   * Makes the user's workspace memberships exactly the provider's grants (the provider is the
   * source of truth for its users: a group taken away at the provider takes the workspace away at
   * the next sign-in, with the workspace's review queues); returns the memberships before.
   */
  private async syncMemberships(
    tx: EntityManager,
    userId: string,
    wanted: { workspaceId: string; role: UserRole }[],
  ): Promise<{ workspaceId: string; key: string; role: UserRole }[]> {
    const before: { workspaceId: string; key: string; role: UserRole }[] = await tx.query(
      `SELECT m.workspace_id AS "workspaceId", w.key, m.role
         FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.user_id = $1 FOR UPDATE OF m`,
      [userId],
    );
    const keep = wanted.map((m) => m.workspaceId);
    await tx.query(
      `DELETE FROM queue_memberships m USING review_queues q
        WHERE m.user_id = $1 AND q.name = m.queue AND NOT (q.workspace_id = ANY($2::uuid[]))`,
      [userId, keep],
    );
    await tx.query(
      `DELETE FROM workspace_members WHERE user_id = $1 AND NOT (workspace_id = ANY($2::uuid[]))`,
      [userId, keep],
    );
    for (const m of wanted)
      await tx.query(
        `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
        [m.workspaceId, userId, m.role],
      );
    return before;
  }
}
