import { AuthErrorCode } from '@arbiter/auth';
import { DomainError } from '@arbiter/errors';

/**
 * The first word of a socket handshake refused after its token was accepted: `not-found` for a
 * workspace the person may not see (whether it exists or not), else `forbidden`.
 */
export function handshakeRefusal(error: unknown): 'not-found' | 'forbidden' {
  return error instanceof DomainError && error.code === AuthErrorCode.WorkspaceNotFound
    ? 'not-found'
    : 'forbidden';
}
