import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import {
  AuthError,
  AuthErrorCode,
  AuthInvalidations,
  hashPassword,
  SessionRepository,
  AccountRepository,
  scopeOf,
  UserPrincipal,
  WorkspaceRepository,
} from '@arbiter/auth';
import { CreateUserDto, UpdateUserDto, UserView } from '@arbiter/contracts';
import { ReviewQueueRepository } from '@arbiter/review';
import { DEFAULT_WORKSPACE_ID, UserEntity, UserRole } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';

/**
 * Admins create people, set their role, queue memberships and skills. A workspace's admins do so
 * within their workspace: its members, their role there, its queues. A platform admin who names
 * no workspace manages every person as before workspaces: `role` is then the platform role
 * (`admin`: a platform admin) and the role in the default workspace.
 */
@Injectable()
export class UserAdmin {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly queues: ReviewQueueRepository,
    private readonly sessions: SessionRepository,
    private readonly invalidations: AuthInvalidations,
    private readonly workspaces: WorkspaceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The members of the caller's workspace; every person for a platform admin naming none. */
  async list(caller: UserPrincipal): Promise<UserView[]> {
    const scope = scopeOf(caller);
    const users = await this.accounts.listUsers();
    const members =
      scope === null ? null : new Set((await this.workspaces.members(scope)).map((m) => m.userId));
    return Promise.all(
      users.filter((u) => members === null || members.has(u.id)).map((u) => this.view(u, scope)),
    );
  }

  /** One user as admins see them (every workspace's view); null when there is none. */
  async get(id: string): Promise<UserView | null> {
    const user = await this.accounts.findUserById(id);
    return user ? this.view(user, null) : null;
  }

  async create(body: CreateUserDto, caller: UserPrincipal): Promise<UserView> {
    if (await this.accounts.findUserByEmail(body.email))
      throw new AuthError(AuthErrorCode.UserExists, `A user with email ${body.email} exists`);
    const scope = scopeOf(caller);
    const id = randomUUID();
    await this.accounts.createUser({
      id,
      email: body.email,
      passwordHash: await this.passwordHashFor(body.password),
      // Inside a workspace, `role` is the role there: the person gets no platform role.
      role: scope === null ? body.role : 'reviewer',
      skills: body.skills ?? [],
    });
    await this.workspaces.upsertMember(scope ?? DEFAULT_WORKSPACE_ID, id, body.role);
    if (body.queues)
      await this.queues.setMemberships(id, body.queues, scope ?? DEFAULT_WORKSPACE_ID);
    return this.view((await this.accounts.findUserById(id)) as UserEntity, scope);
  }

  /**
   * A new user's password hash: a password is needed while local logins are on; while they are
   * off, a password could never be used, so giving one is refused rather than stored (the person
   * signs in with single sign-on and is linked by email).
   */
  private async passwordHashFor(password: string | undefined): Promise<string | null> {
    if (this.config.sso.localLogin) {
      if (password === undefined)
        throw new AuthError(
          AuthErrorCode.PasswordSetting,
          'password is required: people sign in here with their email and password',
        );
      return hashPassword(password);
    }
    if (password !== undefined)
      throw new AuthError(
        AuthErrorCode.PasswordSetting,
        'password is not accepted: email and password logins are switched off here (ARBITER_LOCAL_LOGIN=false), people sign in with single sign-on',
      );
    return null;
  }

  async update(id: string, body: UpdateUserDto, caller: UserPrincipal): Promise<UserView> {
    const user = await this.accounts.findUserById(id);
    if (!user) throw new AuthError(AuthErrorCode.UserNotFound, `User ${id} not found`);
    const scope = scopeOf(caller);
    if (scope === null) {
      await this.accounts.updateUser(id, { role: body.role, skills: body.skills });
      if (body.role && (await this.workspaces.roleIn(id, DEFAULT_WORKSPACE_ID)))
        await this.workspaces.upsertMember(DEFAULT_WORKSPACE_ID, id, body.role);
      if (body.queues) await this.queues.setMemberships(id, body.queues, null);
    } else {
      this.refusePlatformAdmin(user);
      await this.accounts.updateUser(id, { skills: body.skills });
      if (body.role) await this.workspaces.upsertMember(scope, id, body.role as UserRole);
      if (body.queues) await this.queues.setMemberships(id, body.queues, scope);
    }
    await this.invalidations.publish({ kind: 'user', id });
    await this.invalidations.publish({ kind: 'memberships', id });
    return this.view((await this.accounts.findUserById(id)) as UserEntity, scope);
  }

  /**
   * Disables or re-enables a user; an admin cannot disable themselves (no lock-out by mistake).
   * Disabling signs a person out of every workspace, so a workspace's admin may only disable
   * people of theirs alone.
   */
  async setDisabled(id: string, disabled: boolean, caller: UserPrincipal): Promise<UserView> {
    if (disabled && id === caller.userId)
      throw new AuthError(AuthErrorCode.CannotDisableSelf, 'You cannot disable yourself');
    const scope = scopeOf(caller);
    if (scope !== null) {
      const user = await this.accounts.findUserById(id);
      if (!user) throw new AuthError(AuthErrorCode.UserNotFound, `User ${id} not found`);
      this.refusePlatformAdmin(user);
      if ((await this.workspaces.otherWorkspaces(id, scope)) > 0)
        throw new AuthError(
          AuthErrorCode.PlatformAdminRequired,
          'This person is also a member of another workspace: remove them from this one, or ask a platform admin to disable them',
        );
    }
    if (!(await this.sessions.setDisabled(id, disabled)))
      throw new AuthError(AuthErrorCode.UserNotFound, `User ${id} not found`);
    await this.invalidations.publish({ kind: 'user', id });
    return this.view((await this.accounts.findUserById(id)) as UserEntity, scope);
  }

  /** Every review queue of the caller's workspace a user can be made a member of. */
  queueNames(caller: UserPrincipal): Promise<string[]> {
    return this.queues.all(scopeOf(caller));
  }

  /** A platform admin's standing is not a workspace's to change. */
  private refusePlatformAdmin(user: UserEntity): void {
    if (user.role === 'admin')
      throw new AuthError(
        AuthErrorCode.PlatformAdminRequired,
        'Only a platform admin may change a platform admin',
      );
  }

  /** A user as seen from a workspace (role and queues there) or, scope null, from the platform. */
  private async view(user: UserEntity, scope: string | null): Promise<UserView> {
    const memberships = await this.workspaces.membershipsOf(user.id);
    const here = scope === null ? null : memberships.find((m) => m.workspaceId === scope);
    return {
      id: user.id,
      email: user.email,
      role: here ? here.role : user.role,
      queues: await this.queues.queuesOf(user.id, scope),
      skills: user.skills,
      createdAt: user.createdAt.toISOString(),
      disabledAt: user.disabledAt?.toISOString() ?? null,
      workspaces: memberships
        .filter((m) => scope === null || m.workspaceId === scope)
        .map((m) => ({ key: m.key, role: m.role })),
    };
  }
}
