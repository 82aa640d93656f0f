import { io, type Socket } from 'socket.io-client';
import { ApiError, refreshSession, session } from './session';

type Ack =
  { ok: true; [key: string]: unknown } | { ok: false; error: { status: number; message: string } };

const ACK_TIMEOUT_MS = 10_000;

/**
 * The /review socket.io connection. The handshake token is read at every (re)connect, and a
 * refused handshake refreshes the tokens and tries again, so a long shift survives token expiry.
 */
export function connectReviewSocket(): Socket {
  const socket = io('/review', {
    transports: ['websocket'],
    auth: (cb) =>
      cb({ token: session.get()?.accessToken, workspace: session.get()?.workspace ?? undefined }),
  });
  socket.on('connect_error', (error: Error) => {
    if (!/unauthorized/.test(error.message)) return;
    void refreshSession().then((next) => {
      if (next) socket.connect();
    });
  });
  return socket;
}

/** Sends an acknowledged command; an error ack becomes an ApiError with the server's message. */
export async function command<T>(socket: Socket, name: string, payload?: unknown): Promise<T> {
  let ack: Ack;
  try {
    ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(name, payload ?? {})) as Ack;
  } catch {
    throw new ApiError(0, 'The server did not answer in time; check your connection.');
  }
  if (!ack.ok) throw new ApiError(ack.error.status, ack.error.message);
  const { ok: _ok, ...rest } = ack;
  return rest as T;
}
