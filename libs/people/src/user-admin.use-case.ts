import { Injectable } from '@nestjs/common';
import {
  AuthError,
  AuthErrorCode,
  ActiveUsers,
  hashPassword,
  SessionRepository,
  AccountRepository,
} from '@arbiter/auth';
import { CreateUserDto, UpdateUserDto, UserView } from '@arbiter/contracts';
import { ReviewQueueRepository } from '@arbiter/review';
import { UserEntity } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';

/** Admins create people, set their role, queue memberships and skills. */
@Injectable()
export class UserAdmin {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly queues: ReviewQueueRepository,
    private readonly sessions: SessionRepository,
    private readonly activeUsers: ActiveUsers,
  ) {}

  async list(): Promise<UserView[]> {
    const users = await this.accounts.listUsers();
    return Promise.all(users.map((u) => this.view(u)));
  }

  /** One user as admins see them; null when there is none. */
  async get(id: string): Promise<UserView | null> {
    const user = await this.accounts.findUserById(id);
    return user ? this.view(user) : null;
  }

  async create(body: CreateUserDto): Promise<UserView> {
    if (await this.accounts.findUserByEmail(body.email))
      throw new AuthError(AuthErrorCode.UserExists, `A user with email ${body.email} exists`);
    const id = randomUUID();
    await this.accounts.createUser({
      id,
      email: body.email,
      passwordHash: await hashPassword(body.password),
      role: body.role,
      skills: body.skills ?? [],
    });
    if (body.queues) await this.queues.setMemberships(id, body.queues);
    return this.view((await this.accounts.findUserById(id)) as UserEntity);
  }

  async update(id: string, body: UpdateUserDto): Promise<UserView> {
    const user = await this.accounts.findUserById(id);
    if (!user) throw new AuthError(AuthErrorCode.UserNotFound, `User ${id} not found`);
    await this.accounts.updateUser(id, { role: body.role, skills: body.skills });
    if (body.queues) await this.queues.setMemberships(id, body.queues);
    this.activeUsers.forget(id);
    return this.view((await this.accounts.findUserById(id)) as UserEntity);
  }

  /** Disables or re-enables a user; an admin cannot disable themselves (no lock-out by mistake). */
  async setDisabled(id: string, disabled: boolean, byUserId: string): Promise<UserView> {
    if (disabled && id === byUserId)
      throw new AuthError(AuthErrorCode.CannotDisableSelf, 'You cannot disable yourself');
    if (!(await this.sessions.setDisabled(id, disabled)))
      throw new AuthError(AuthErrorCode.UserNotFound, `User ${id} not found`);
    this.activeUsers.forget(id);
    return this.view((await this.accounts.findUserById(id)) as UserEntity);
  }

  /** Every review queue a user can be made a member of. */
  queueNames(): Promise<string[]> {
    return this.queues.all();
  }

  private async view(user: UserEntity): Promise<UserView> {
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      queues: await this.queues.queuesOf(user.id),
      skills: user.skills,
      createdAt: user.createdAt.toISOString(),
      disabledAt: user.disabledAt?.toISOString() ?? null,
    };
  }
}
