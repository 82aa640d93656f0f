/**
 * A committed change the api replicas' auth caches must forget: a user (enabled, role, a session
 * signed out: `id` is the user's), a person's workspace memberships (`id` is the user's) or an
 * API key (`id` is the key's).
 */
export interface AuthChange {
  kind: AuthChangeKind;
  id: string;
}

export type AuthChangeKind = 'user' | 'memberships' | 'apiKey';

const KINDS: readonly string[] = ['user', 'memberships', 'apiKey'] satisfies AuthChangeKind[];

/** The Redis channel on which any replica announces an AuthChange. */
export function authChangedChannel(redisPrefix: string): string {
  return `${redisPrefix}:auth-changed`;
}

/** An announcement as it travels on the channel. */
export function encodeAuthChange(change: AuthChange): string {
  return JSON.stringify({ kind: change.kind, id: change.id });
}

/** The change an announcement carries; null for anything else (another release, a stray publish). */
export function decodeAuthChange(message: string): AuthChange | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { kind, id } = parsed as { kind?: unknown; id?: unknown };
  if (typeof kind !== 'string' || !KINDS.includes(kind)) return null;
  if (typeof id !== 'string' || id === '' || id.length > 200) return null;
  return { kind: kind as AuthChangeKind, id };
}
