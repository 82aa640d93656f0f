import type { OidcGrantRule } from '@arbiter/config';
import { DEFAULT_WORKSPACE_KEY, type UserRole } from '@arbiter/persistence';

/** A role granted by the provider's groups: global, or in one workspace. */
export type SsoGrant = OidcGrantRule;

const RANK: Record<UserRole, number> = { reviewer: 0, lead: 1, admin: 2 };

/** The groups an ID token names in `claim`: a string, or an array of strings (anything else: none). */
export function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  return [];
}

/**
 * Every grant the user's groups earn under the role map, deduplicated. The one place groups turn
 * into roles: global grants (no workspace) set the user's role now; workspace grants are for the
 * workspace memberships (the workspaces slice applies them).
 */
export function grantsFor(groups: string[], roleMap: Record<string, OidcGrantRule[]>): SsoGrant[] {
  const seen = new Map<string, SsoGrant>();
  for (const group of groups) {
    // Own properties only: a group named "__proto__" or "constructor" grants nothing.
    if (!Object.prototype.hasOwnProperty.call(roleMap, group)) continue;
    for (const rule of roleMap[group]) seen.set(`${rule.workspace ?? ''}\u0000${rule.role}`, rule);
  }
  return [...seen.values()];
}

/**
 * What the grants make of a person in Arbiter's workspaces: a global `admin` grant makes a platform
 * admin (who acts in every workspace); a global `reviewer` or `lead` grant is that role in the
 * default workspace; a workspace grant is that role in that workspace. The highest role wins
 * per workspace.
 */
export function workspaceRolesOf(grants: SsoGrant[]): {
  platformAdmin: boolean;
  roles: Map<string, UserRole>;
} {
  let platformAdmin = false;
  const roles = new Map<string, UserRole>();
  for (const grant of grants) {
    if (grant.workspace === undefined && grant.role === 'admin') {
      platformAdmin = true;
      continue;
    }
    const key = grant.workspace ?? DEFAULT_WORKSPACE_KEY;
    const held = roles.get(key);
    if (!held || RANK[grant.role] > RANK[held]) roles.set(key, grant.role);
  }
  return { platformAdmin, roles };
}
