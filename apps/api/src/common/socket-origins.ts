import { IncomingMessage } from 'node:http';
import { Server, ServerOptions } from 'socket.io';

/**
 * Whether a socket.io request may proceed: clients that are not browsers send no Origin; a browser
 * may connect from the api's own origin (the UI it serves) or from an origin listed in
 * ARBITER_SOCKET_ORIGINS. Checked for every transport: CORS protects polling only, and a
 * WebSocket upgrade is not subject to it (cross-site WebSocket hijacking).
 */
export function socketOriginAllowed(
  request: IncomingMessage,
  allowed: ReadonlySet<string>,
): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = request.headers['x-forwarded-host'];
  const hosts = [request.headers.host, ...(Array.isArray(forwarded) ? forwarded : [forwarded])];
  return hosts.some((h) => h !== undefined && h.split(',')[0].trim() === host);
}

/** socket.io options: CORS with credentials for the configured origins only, and the origin check above. */
export function socketIoSecurity(origins: string[]): Partial<ServerOptions> {
  const allowed = new Set(origins);
  return {
    cors: { origin: [...allowed], credentials: true },
    allowRequest: (request, callback) => callback(null, socketOriginAllowed(request, allowed)),
  };
}

/** Closes the default namespace "/": Arbiter's sockets live in /review and /dashboard, which authenticate. */
export function closeDefaultNamespace(server: Server): void {
  server
    .of('/')
    .use((_socket, next) =>
      next(new Error('the default namespace is closed: connect to /review or /dashboard')),
    );
}
