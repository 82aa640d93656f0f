import { DEFAULT_WORKSPACE_ID, UserRole, WORKSPACE_KEY_PATTERN } from '@arbiter/persistence';
import { AuthError, AuthErrorCode } from './auth.errors';
import { ClientPrincipal, UserPrincipal, WorkspaceRef } from './principal';
import type { Membership } from './workspace.repository';

/** The request header naming the workspace a person acts in (socket.io: `auth.workspace`). */
export const WORKSPACE_HEADER = 'x-arbiter-workspace';

/** A workspace unknown to the caller: the same answer whether it exists or not. */
export function workspaceNotFound(key: string): AuthError {
  return new AuthError(AuthErrorCode.WorkspaceNotFound, `Workspace "${key}" not found`);
}

/** The workspace key a request names (header or handshake), or null when it names none. */
export function requestedWorkspace(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  const key = first.trim();
  return key === '' ? null : key;
}

/**
 * The workspace a person acts in and their role there, from the key they named (or none) and
 * their memberships:
 * - a named workspace they are a member of: that one, with their role in it;
 * - a named workspace a platform admin asks for: that one, as admin (`named` is it, when it exists);
 * - anything else named: 404, whether it exists or not;
 * - none named: a platform admin acts across every workspace (null); anyone else in their
 *   first workspace (the oldest membership), or is refused (403) when they have none.
 */
export function actingWorkspace(
  person: { platformAdmin: boolean },
  memberships: Membership[],
  requested: string | null,
  named: { id: string; key: string } | null = null,
): { workspace: WorkspaceRef | null; role: UserRole } {
  if (requested !== null) {
    const member = memberships.find((m) => m.key === requested);
    if (person.platformAdmin) {
      if (named && named.key === requested)
        return { workspace: { id: named.id, key: named.key }, role: 'admin' };
      throw workspaceNotFound(requested);
    }
    if (!member || !WORKSPACE_KEY_PATTERN.test(requested)) throw workspaceNotFound(requested);
    return { workspace: { id: member.workspaceId, key: member.key }, role: member.role };
  }
  if (person.platformAdmin) return { workspace: null, role: 'admin' };
  const first = memberships[0];
  if (!first)
    throw new AuthError(
      AuthErrorCode.NoWorkspace,
      'You are not a member of any workspace: ask an admin to add you to one',
    );
  return { workspace: { id: first.workspaceId, key: first.key }, role: first.role };
}

/**
 * The workspace a caller's reads and writes are limited to: a client's, a person's of the
 * request; null means every workspace (a platform admin who named none). A person whose
 * workspace was never resolved is a bug, not "every workspace": it throws.
 */
export function scopeOf(principal: UserPrincipal | ClientPrincipal): string | null {
  if (principal.kind === 'client') return principal.workspaceId;
  if (principal.workspace) return principal.workspace.id;
  if (principal.platformAdmin) return null;
  throw new Error(`user ${principal.userId} reached a workspace-scoped read without a workspace`);
}

/** Whether something of `workspaceId` is visible within `scope` (null: every workspace). */
export function visibleIn(scope: string | null, workspaceId: string | null | undefined): boolean {
  return (
    workspaceId !== null && workspaceId !== undefined && (scope === null || scope === workspaceId)
  );
}

/** Where a caller's creations go: their workspace, or `default` for a platform admin who named none. */
export function homeOf(principal: UserPrincipal | ClientPrincipal): string {
  return scopeOf(principal) ?? DEFAULT_WORKSPACE_ID;
}
