import { UserRole } from '@arbiter/persistence';

/** A submitting service, authenticated by API key. */
export interface ClientPrincipal {
  kind: 'client';
  clientId: string;
  keyId: string;
  allowedPipelines: string[] | null;
}

/** A person, authenticated by access token. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  role: UserRole;
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
