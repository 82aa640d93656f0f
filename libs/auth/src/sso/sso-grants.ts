import type { OidcGrantRule } from '@arbiter/config';
import type { UserRole } from '@arbiter/persistence';

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

/** The highest global role among the grants, or null when none is global. */
export function globalRoleOf(grants: SsoGrant[]): UserRole | null {
  let best: UserRole | null = null;
  for (const grant of grants) {
    if (grant.workspace !== undefined) continue;
    if (best === null || RANK[grant.role] > RANK[best]) best = grant.role;
  }
  return best;
}
