import { Env } from './env-int';
/** A role a provider's group grants: globally, or (once workspaces land) in one workspace. */
export interface OidcGrantRule {
  role: 'reviewer' | 'lead' | 'admin';
  /** A workspace key; absent, the role is the user's global role. */
  workspace?: string;
}

/** Single sign-on with an OpenID Connect provider (authorization code with PKCE). */
export interface OidcConfig {
  /** The issuer exactly as the provider's discovery document and ID tokens name it. */
  issuer: string;
  clientId: string;
  /** Confidential clients authenticate at the token endpoint with it; public clients rely on PKCE alone. */
  clientSecret: string | null;
  /** Arbiter's callback as registered at the provider (…/v1/auth/oidc/callback). */
  redirectUrl: string;
  scopes: string[];
  /** The ID-token claim holding the user's groups (or roles): a string or an array of strings. */
  groupsClaim: string;
  /** Each group, as the provider names it, and the role(s) it grants. */
  roleMap: Record<string, OidcGrantRule[]>;
  /** What the login page's button says: "Sign in with <name>". */
  name: string;
}

export interface SsoConfig {
  /** false: email and password logins are refused (403); only single sign-on lets people in. */
  localLogin: boolean;
  /** null: single sign-on is not configured. */
  oidc: OidcConfig | null;
}

const ROLES = ['reviewer', 'lead', 'admin'];
const KEY = /^[a-z0-9][a-z0-9_-]{0,62}$/;

function readRoleMap(raw: string | undefined, problems: string[]): Record<string, OidcGrantRule[]> {
  const name = 'ARBITER_OIDC_ROLE_MAP';
  if (raw === undefined || raw === '') {
    problems.push(`${name} must be set with ARBITER_OIDC_ISSUER (JSON: {"<group>": "reviewer"})`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`${name} is not valid JSON`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`${name} must be a JSON object of group → role`);
    return {};
  }
  const map: Record<string, OidcGrantRule[]> = {};
  for (const [group, value] of Object.entries(parsed)) {
    const rules: OidcGrantRule[] = [];
    for (const entry of Array.isArray(value) ? value : [value]) {
      const rule: unknown = typeof entry === 'string' ? { role: entry } : entry;
      const { role, workspace } = (rule ?? {}) as { role?: unknown; workspace?: unknown };
      if (typeof role !== 'string' || !ROLES.includes(role)) {
        problems.push(`${name} group "${group}" must map to reviewer, lead or admin`);
        continue;
      }
      if (workspace !== undefined && (typeof workspace !== 'string' || !KEY.test(workspace))) {
        problems.push(`${name} group "${group}" names a workspace that is not a key`);
        continue;
      }
      rules.push({ role: role as OidcGrantRule['role'], ...(workspace ? { workspace } : {}) });
    }
    map[group] = rules;
  }
  if (Object.keys(map).length === 0) problems.push(`${name} maps no group to a role`);
  return map;
}

function readUrl(env: Env, name: string, problems: string[]): string {
  const value = env[name] ?? '';
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      problems.push(`${name} must use http: or https: (got "${url.protocol}")`);
  } catch {
    problems.push(`${name} must be set to a URL with ARBITER_OIDC_ISSUER (got "${value}")`);
  }
  return value;
}

/** Reads ARBITER_LOCAL_LOGIN and the ARBITER_OIDC_* variables; each bad one goes into `problems`. */
export function readSsoConfig(env: Env, problems: string[]): SsoConfig {
  const local = (env.ARBITER_LOCAL_LOGIN ?? 'true').trim();
  if (local !== 'true' && local !== 'false')
    problems.push(`ARBITER_LOCAL_LOGIN must be true or false (got "${local}")`);
  const issuer = env.ARBITER_OIDC_ISSUER;
  if (!issuer) {
    if (local === 'false')
      problems.push('ARBITER_LOCAL_LOGIN=false needs single sign-on: set ARBITER_OIDC_ISSUER');
    const stray = Object.keys(env).filter((k) => k.startsWith('ARBITER_OIDC_') && env[k]);
    if (stray.length) problems.push(`${stray.join(', ')} set without ARBITER_OIDC_ISSUER`);
    return { localLogin: local !== 'false', oidc: null };
  }
  readUrl(env, 'ARBITER_OIDC_ISSUER', problems);
  const clientId = env.ARBITER_OIDC_CLIENT_ID ?? '';
  if (!clientId) problems.push('ARBITER_OIDC_CLIENT_ID must be set with ARBITER_OIDC_ISSUER');
  const scopes = (env.ARBITER_OIDC_SCOPES || 'openid email profile').split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid'))
    problems.push(`ARBITER_OIDC_SCOPES must include openid (got "${scopes.join(' ')}")`);
  return {
    localLogin: local !== 'false',
    oidc: {
      issuer,
      clientId,
      clientSecret: env.ARBITER_OIDC_CLIENT_SECRET || null,
      redirectUrl: readUrl(env, 'ARBITER_OIDC_REDIRECT_URL', problems),
      scopes,
      groupsClaim: env.ARBITER_OIDC_GROUPS_CLAIM || 'groups',
      roleMap: readRoleMap(env.ARBITER_OIDC_ROLE_MAP, problems),
      name: env.ARBITER_OIDC_NAME || 'SSO',
    },
  };
}
