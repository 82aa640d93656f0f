import { Injectable } from '@nestjs/common';
import { USER_ROLES, UserRole } from '@arbiter/persistence';
import { AccountRepository } from './account.repository';
import { AuthError, AuthErrorCode } from './auth.errors';
import { AuthInvalidations } from './auth-invalidations.service';
import { workspaceNotFound } from './workspace-scope';
import { WorkspaceRepository, WorkspaceRow } from './workspace.repository';

/**
 * Who holds which role in which workspace. `grant` is the one call that makes a person a member
 * (the admin API, and single sign-on mapping a group claim to a workspace role, both use it).
 */
@Injectable()
export class WorkspaceMembers {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly accounts: AccountRepository,
    private readonly invalidations: AuthInvalidations,
  ) {}

  /**
   * Makes a person a member of the workspace with this key, or changes their role there; 404
   * for an unknown workspace or user. Takes effect on every replica at once.
   */
  async grant(userId: string, workspaceKey: string, role: UserRole): Promise<WorkspaceRow> {
    if (!USER_ROLES.includes(role))
      throw new AuthError(AuthErrorCode.RoleRequired, `Unknown role "${String(role)}"`);
    const workspace = await this.workspaces.findByKey(workspaceKey);
    if (!workspace) throw workspaceNotFound(workspaceKey);
    if (!(await this.accounts.findUserById(userId)))
      throw new AuthError(AuthErrorCode.UserNotFound, `User ${userId} not found`);
    await this.workspaces.upsertMember(workspace.id, userId, role);
    await this.invalidations.publish({ kind: 'memberships', id: userId });
    return workspace;
  }

  /** Takes a person out of a workspace (and its review queues); false when they were not in it. */
  async revoke(userId: string, workspaceKey: string): Promise<boolean> {
    const workspace = await this.workspaces.findByKey(workspaceKey);
    if (!workspace) throw workspaceNotFound(workspaceKey);
    const removed = await this.workspaces.removeMember(workspace.id, userId);
    await this.invalidations.publish({ kind: 'memberships', id: userId });
    return removed;
  }
}
