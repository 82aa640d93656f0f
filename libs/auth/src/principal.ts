import { UserRole } from '@arbiter/persistence';

/** A submitting service, authenticated by API key. */
export interface ClientPrincipal {
  kind: 'client';
  clientId: string;
  keyId: string;
  allowedPipelines: string[] | null;
  /** The workspace of the key's client: everything the key reaches is of this workspace. */
  workspaceId: string;
}

/** The workspace a request acts in. */
export interface WorkspaceRef {
  id: string;
  key: string;
}

/** A person, authenticated by access token. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  /**
   * The role in the workspace of the request (what @Roles checks); a platform admin is `admin`
   * everywhere.
   */
  role: UserRole;
  /** Holds the platform role `admin` (users.role): manages workspaces and may act in any of them. */
  platformAdmin: boolean;
  /**
   * The workspace of the request; null only for a platform admin who named none (every
   * workspace), or on the few routes that ask for no workspace (GET /v1/workspaces/mine).
   */
  workspace: WorkspaceRef | null;
}

/** Fields the guards attach to the request. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  client?: ClientPrincipal;
  user?: UserPrincipal;
}

/** The token in `Authorization: Bearer <token>`, or null. */
export function bearerToken(request: AuthenticatedRequest): string | null {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
