import { Injectable } from '@nestjs/common';
import { UserPrincipal } from './principal';
import { actingWorkspace, requestedWorkspace } from './workspace-scope';
import { Membership, WorkspaceRepository, WorkspaceRow } from './workspace.repository';

// Every request of a person resolves their workspace; a short cache keeps that to one query per
// person every few seconds. A change made on this replica is seen at once (forget); on the
// others within this time, which bounds how long a removed member keeps their access.
const CACHE_TTL_MS = 2_000;
const CACHE_MAX = 10_000;

/** Resolves the workspace a request acts in, and the person's role there. */
@Injectable()
export class WorkspaceAccess {
  private readonly memberships = new Map<string, { rows: Membership[]; expires: number }>();
  private readonly workspaces = new Map<string, { row: WorkspaceRow | null; expires: number }>();

  constructor(private readonly repository: WorkspaceRepository) {}

  /**
   * The principal of a token, placed in the workspace its request names (header
   * `X-Arbiter-Workspace`, socket.io `auth.workspace`) or its default one: 404 for a workspace
   * the person may not see, 403 for a person of no workspace (see actingWorkspace).
   */
  async resolve(identity: UserPrincipal, requested: unknown): Promise<UserPrincipal> {
    const key = requestedWorkspace(requested);
    const memberships = identity.platformAdmin ? [] : await this.membershipsOf(identity.userId);
    const named = key !== null && identity.platformAdmin ? await this.workspace(key) : null;
    const { workspace, role } = actingWorkspace(identity, memberships, key, named);
    return { ...identity, workspace, role };
  }

  /** Every workspace of a person with their role in it (cached briefly). */
  async membershipsOf(userId: string): Promise<Membership[]> {
    const now = Date.now();
    const hit = this.memberships.get(userId);
    if (hit && hit.expires > now) return hit.rows;
    const rows = await this.repository.membershipsOf(userId);
    if (this.memberships.size >= CACHE_MAX) this.memberships.clear();
    this.memberships.set(userId, { rows, expires: now + CACHE_TTL_MS });
    return rows;
  }

  /** Forgets what is cached about a person's memberships (after a change to them). */
  forget(userId: string): void {
    this.memberships.delete(userId);
  }

  /** Forgets every cached membership and workspace (tests that truncate tables). */
  forgetAll(): void {
    this.memberships.clear();
    this.workspaces.clear();
  }

  private async workspace(key: string): Promise<WorkspaceRow | null> {
    const now = Date.now();
    const hit = this.workspaces.get(key);
    if (hit && hit.expires > now) return hit.row;
    const row = await this.repository.findByKey(key);
    if (this.workspaces.size >= CACHE_MAX) this.workspaces.clear();
    this.workspaces.set(key, { row, expires: now + CACHE_TTL_MS });
    return row;
  }
}
