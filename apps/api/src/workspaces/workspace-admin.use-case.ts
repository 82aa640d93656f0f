import { Injectable } from '@nestjs/common';
import {
  AccountRepository,
  AuthError,
  AuthErrorCode,
  UserPrincipal,
  WorkspaceAccess,
  WorkspaceMembers,
  WorkspaceRepository,
} from '@arbiter/auth';
import {
  CreateWorkspaceDto,
  MyWorkspacesView,
  WorkspaceMemberView,
  WorkspaceView,
} from '@arbiter/contracts';
import { UserRole } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';

/** Workspaces and their members, as the API serves them. */
@Injectable()
export class WorkspaceAdmin {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly members: WorkspaceMembers,
    private readonly access: WorkspaceAccess,
    private readonly accounts: AccountRepository,
  ) {}

  async list(): Promise<WorkspaceView[]> {
    return (await this.workspaces.list()).map((w) => ({
      id: w.id,
      key: w.key,
      name: w.name,
      createdAt: w.createdAt.toISOString(),
      members: w.members,
    }));
  }

  /** One workspace by key or id, as the audit log records it; null when there is none. */
  async get(keyOrId: string): Promise<WorkspaceView | null> {
    return (await this.list()).find((w) => w.key === keyOrId || w.id === keyOrId) ?? null;
  }

  async create(body: CreateWorkspaceDto): Promise<WorkspaceView> {
    const id = randomUUID();
    if (!(await this.workspaces.create({ id, key: body.key, name: body.name })))
      throw new AuthError(AuthErrorCode.WorkspaceExists, `Workspace "${body.key}" exists`);
    return (await this.get(id)) as WorkspaceView;
  }

  async mine(user: UserPrincipal): Promise<MyWorkspacesView> {
    const rows = await this.access.membershipsOf(user.userId);
    return {
      platformAdmin: user.platformAdmin,
      workspaces: rows.map((m) => ({ key: m.key, name: m.name, role: m.role })),
    };
  }

  /** A member as the audit log records it (`<key>/<userId>`); null when not a member. */
  async member(target: string): Promise<WorkspaceMemberView | null> {
    const [key, userId] = target.split('/');
    const workspace = await this.workspaces.findByKey(key ?? '');
    const user = userId ? await this.accounts.findUserById(userId).catch(() => null) : null;
    if (!workspace || !user) return null;
    const role = await this.workspaces.roleIn(user.id, workspace.id);
    return role ? { workspace: key, userId: user.id, email: user.email, role } : null;
  }

  /**
   * Gives a person a role in the workspace (the guard has placed the caller in it as its admin,
   * or the caller is a platform admin). A platform admin's own standing is not a workspace's to
   * change.
   */
  async setMember(
    caller: UserPrincipal,
    key: string,
    userId: string,
    role: UserRole,
  ): Promise<WorkspaceMemberView> {
    await this.refuseForPlatformAdmin(caller, userId);
    await this.members.grant(userId, key, role);
    return (await this.member(`${key}/${userId}`)) as WorkspaceMemberView;
  }

  async removeMember(caller: UserPrincipal, key: string, userId: string): Promise<void> {
    await this.refuseForPlatformAdmin(caller, userId);
    if (!(await this.members.revoke(userId, key)))
      throw new AuthError(AuthErrorCode.UserNotFound, `User ${userId} not found`);
  }

  private async refuseForPlatformAdmin(caller: UserPrincipal, userId: string): Promise<void> {
    if (caller.platformAdmin) return;
    const target = await this.accounts.findUserById(userId);
    if (target?.role === 'admin')
      throw new AuthError(
        AuthErrorCode.PlatformAdminRequired,
        'Only a platform admin may change where a platform admin is a member',
      );
  }
}
