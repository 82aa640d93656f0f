import { useSyncExternalStore } from 'react';
import type {
  AuthConfigView,
  ErrorBody,
  MyWorkspacesView,
  SsoSession,
  TokenPair,
  WorkspaceView,
} from '@arbiter/contracts';

export type Role = 'reviewer' | 'lead' | 'admin';

/** A workspace the user may act in, with their role there. */
export interface WorkspaceChoice {
  key: string;
  name: string;
  role: Role;
}

export interface Session {
  email: string;
  userId: string;
  /** The role in the workspace acted in (a platform admin is admin everywhere). */
  role: Role;
  /** A platform admin: manages workspaces, may act in any (or, with none chosen, across all). */
  platformAdmin: boolean;
  /** Where the user may act, with their role in each (GET /v1/workspaces/mine). */
  workspaces: WorkspaceChoice[];
  /** The workspace acted in (sent as X-Arbiter-Workspace); null: the server's default for the user. */
  workspace: string | null;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms at which the access token lapses. */
  accessExpiresAt: number;
}

/** An API refusal with the server's message, for the UI to show as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A refusal with the API's per-field problems kept apart, for forms that show each at its place. */
export class ProblemsError extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(status, message);
  }
}

// sessionStorage: the tab survives a reload, a closed tab forgets the tokens.
const STORAGE_KEY = 'arbiter.session';
const listeners = new Set<() => void>();
let current: Session | null = readStored();
let refreshing: Promise<Session | null> | null = null;

function readStored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const stored = raw ? (JSON.parse(raw) as Session) : null;
    // A session stored before workspaces: none chosen, the server's default applies.
    return stored
      ? { ...stored, workspaces: stored.workspaces ?? [], workspace: stored.workspace ?? null }
      : null;
  } catch {
    return null;
  }
}

function setSession(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

/** The role a session acts with in `workspace` (null: none chosen). */
function roleIn(s: Pick<Session, 'platformAdmin' | 'workspaces'>, workspace: string | null): Role {
  if (s.platformAdmin) return 'admin';
  return s.workspaces.find((w) => w.key === workspace)?.role ?? 'reviewer';
}

/**
 * Reads the user id from the access token (the server checks the signature); the workspaces and
 * roles are those of `before` on a refresh, else read once the session exists (withWorkspaces).
 */
function sessionFrom(pair: TokenPair, email: string, before?: Session): Session {
  const payload = pair.accessToken.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
    sub: string;
    role: Role;
  };
  const platformAdmin = claims.role === 'admin';
  const workspaces = before?.workspaces ?? [];
  const workspace = before?.workspace ?? null;
  return {
    email,
    userId: claims.sub,
    role: roleIn({ platformAdmin, workspaces }, workspace),
    platformAdmin,
    workspaces,
    workspace,
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: Date.now() + pair.expiresIn * 1000,
  };
}

/** The session with its workspaces read from the server; the first is chosen (a platform admin: all). */
async function withWorkspaces(s: Session): Promise<Session> {
  const res = await fetch('/v1/workspaces/mine', {
    headers: { authorization: `Bearer ${s.accessToken}` },
  });
  if (!res.ok) throw await errorOf(res);
  const mine = (await res.json()) as MyWorkspacesView;
  let workspaces = mine.workspaces as WorkspaceChoice[];
  if (mine.platformAdmin) {
    // A platform admin may act in every workspace, as admin.
    const all = await fetch('/v1/workspaces', {
      headers: { authorization: `Bearer ${s.accessToken}` },
    });
    if (!all.ok) throw await errorOf(all);
    workspaces = ((await all.json()) as WorkspaceView[]).map((w) => ({
      key: w.key,
      name: w.name,
      role: 'admin' as const,
    }));
  }
  const workspace = workspaces.some((w) => w.key === s.workspace)
    ? s.workspace
    : mine.platformAdmin
      ? null
      : (workspaces[0]?.key ?? null);
  return {
    ...s,
    platformAdmin: mine.platformAdmin,
    workspaces,
    workspace,
    role: roleIn({ platformAdmin: mine.platformAdmin, workspaces }, workspace),
  };
}

/** The header that places a request in the chosen workspace (none: the server's default). */
export function workspaceHeaders(): Record<string, string> {
  return current?.workspace ? { 'x-arbiter-workspace': current.workspace } : {};
}

/** The API's refusal, with its per-field problems kept for forms that show each at its field. */
async function errorOf(res: Response): Promise<ProblemsError> {
  const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  const message =
    body?.problems?.map((p) => p.message).join('; ') || body?.message || res.statusText;
  return new ProblemsError(res.status, message, body?.problems ?? []);
}

export const session = {
  get: (): Session | null => current,
  /** Acts in another workspace from now on (every request and socket carries it). */
  selectWorkspace(key: string | null): void {
    if (!current) return;
    setSession({ ...current, workspace: key, role: roleIn(current, key) });
  },
  /** Reads the user's workspaces again (after a membership changed). */
  async reloadWorkspaces(): Promise<void> {
    if (current) setSession(await withWorkspaces(current));
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signOut(): void {
    // The server signs the session out too (its refresh token and access tokens stop working);
    // the tab forgets it at once either way.
    const refreshToken = current?.refreshToken;
    setSession(null);
    if (refreshToken) {
      void fetch('/v1/auth/logout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
      }).catch(() => undefined);
    }
  },
};

/** The signed-in user, re-rendering on login, refresh and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get);
}

export async function login(email: string, password: string): Promise<Session> {
  const res = await fetch('/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw await errorOf(res);
  const next = await withWorkspaces(sessionFrom((await res.json()) as TokenPair, email));
  setSession(next);
  return next;
}

/** What the login page says when the single sign-on callback refused (only the code travels). */
const SSO_REFUSALS: Record<string, string> = {
  'auth.oidc_no_role': 'Your organisation account is not given a role in Arbiter: ask an admin.',
  'auth.oidc_user_disabled': 'Your Arbiter account is disabled.',
  'auth.oidc_email_taken':
    'An Arbiter account already has your email and your provider does not vouch for it: ask an admin.',
  'auth.oidc_state_invalid': 'That sign-in link is spent or was started elsewhere: sign in again.',
  'auth.oidc_code_rejected': 'The sign-in provider refused the sign-in: try again.',
  'auth.oidc_token_invalid': "The sign-in provider's answer could not be trusted: try again.",
  'auth.oidc_provider_unavailable': 'The sign-in provider could not be reached: try again later.',
  other: 'Single sign-on failed: try again.',
};

/** How people sign in here (passwords, single sign-on, or both); public. */
export async function authConfig(): Promise<AuthConfigView> {
  const res = await fetch('/v1/auth/config');
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as AuthConfigView;
}

/**
 * Completes a single sign-on: the callback sent the browser here with a one-time code in the
 * fragment (`#sso=<code>`), traded once for the session; the fragment is cleared first so a
 * reload or the history never offers the spent code again.
 */
export async function completeSsoLogin(): Promise<Session | null> {
  const hash = window.location.hash;
  const code = /^#sso=([A-Za-z0-9_-]+)$/.exec(hash)?.[1];
  const refusal = /^#sso_error=([a-z._]+)$/.exec(hash)?.[1];
  if (!code && !refusal) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  if (refusal) throw new ApiError(401, SSO_REFUSALS[refusal] ?? SSO_REFUSALS.other);
  const res = await fetch('/v1/auth/oidc/exchange', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!res.ok) throw await errorOf(res);
  const body = (await res.json()) as SsoSession;
  const next = await withWorkspaces(sessionFrom(body, body.email));
  setSession(next);
  return next;
}

/** Trades the refresh token for new tokens, once at a time; signs out when it is refused. */
export function refreshSession(): Promise<Session | null> {
  const before = current;
  if (!before) return Promise.resolve(null);
  refreshing ??= fetch('/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: before.refreshToken }),
  })
    .then(async (res) => {
      if (!res.ok) throw await errorOf(res);
      const next = sessionFrom((await res.json()) as TokenPair, before.email, current ?? before);
      setSession(next);
      return next;
    })
    .catch(() => {
      setSession(null);
      return null;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/**
 * A JSON call to the API as the signed-in user; a 401 refreshes the tokens and retries once.
 * `workspace` places this call in a workspace other than the chosen one (null: none named).
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  { workspace }: { workspace?: string | null } = {},
): Promise<T> {
  const place =
    workspace === undefined
      ? workspaceHeaders()
      : workspace === null
        ? {}
        : { 'x-arbiter-workspace': workspace };
  const send = (token: string | undefined) =>
    fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...place,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let res = await send(current?.accessToken);
  if (res.status === 401 && current) res = await send((await refreshSession())?.accessToken);
  if (!res.ok) throw await errorOf(res);
  // 204 No Content (a removal) has no body to read.
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

/** A GET whose answer is a file (an export), as text; a 401 refreshes the tokens and retries once. */
export async function apiDownload(path: string): Promise<string> {
  const send = (token: string | undefined) =>
    fetch(path, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...workspaceHeaders() },
    });
  let res = await send(current?.accessToken);
  if (res.status === 401 && current) res = await send((await refreshSession())?.accessToken);
  if (!res.ok) throw await errorOf(res);
  return res.text();
}

/** Sends a text body (a YAML policy) as the signed-in user; a refusal keeps the API's `problems`. */
export async function apiText<T>(
  method: string,
  path: string,
  text: string,
  contentType: string,
): Promise<T> {
  const send = (token: string | undefined) =>
    fetch(path, {
      method,
      headers: {
        'content-type': contentType,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...workspaceHeaders(),
      },
      body: text,
    });
  let res = await send(current?.accessToken);
  if (res.status === 401 && current) res = await send((await refreshSession())?.accessToken);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ProblemsError(res.status, body?.message ?? res.statusText, body?.problems ?? []);
  }
  return (await res.json()) as T;
}
