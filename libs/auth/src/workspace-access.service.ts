import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { UserPrincipal } from './principal';
import { actingWorkspace, requestedWorkspace } from './workspace-scope';
import { Membership, WorkspaceRepository, WorkspaceRow } from './workspace.repository';

// Every request of a person resolves their workspace; a short cache keeps that to one query per
// person every few seconds. Every change is forgotten by every replica at once
// (AuthInvalidations); the TTL (ARBITER_AUTH_CACHE_TTL_MS) bounds how long a removed member keeps
// their access on a replica that missed the news.
const CACHE_MAX = 10_000;

/** Resolves the workspace a request acts in, and the person's role there. */
@Injectable()
export class WorkspaceAccess {
  private readonly memberships = new Map<string, { rows: Membership[]; expires: number }>();
  private readonly workspaces = new Map<string, { row: WorkspaceRow; expires: number }>();
  // Bumped by every forget: a read still out when a change was forgotten may predate it, so
  // what it brings back is used once and not cached.
  private generation = 0;

  constructor(
    private readonly repository: WorkspaceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const generation = this.generation;
    const rows = await this.repository.membershipsOf(userId);
    if (generation !== this.generation) return rows;
    if (this.memberships.size >= CACHE_MAX) this.memberships.clear();
    this.memberships.set(userId, { rows, expires: now + this.config.authCache.ttlMs });
    return rows;
  }

  /** Forgets what is cached about a person's memberships (after a change to them). */
  forget(userId: string): void {
    this.generation++;
    this.memberships.delete(userId);
  }

  /** Forgets every cached membership and workspace (after news may have been missed; tests that truncate tables). */
  forgetAll(): void {
    this.generation++;
    this.memberships.clear();
    this.workspaces.clear();
  }

  private async workspace(key: string): Promise<WorkspaceRow | null> {
    const now = Date.now();
    const hit = this.workspaces.get(key);
    if (hit && hit.expires > now) return hit.row;
    const generation = this.generation;
    const row = await this.repository.findByKey(key);
    // Only a workspace that exists is kept: its creation is announced to no cache, so an unknown
    // key cached would stay unknown here for the TTL after another replica created it.
    if (generation !== this.generation || !row) return row;
    if (this.workspaces.size >= CACHE_MAX) this.workspaces.clear();
    this.workspaces.set(key, { row, expires: now + this.config.authCache.ttlMs });
    return row;
  }
}
