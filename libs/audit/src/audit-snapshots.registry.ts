import { Injectable } from '@nestjs/common';

/** Reads the current state of one target of a kind (a user by id, a pipeline by key…); null if none. */
export type SnapshotReader = (id: string) => Promise<unknown>;

/**
 * How to read each kind of target, so that an entry can hold its state before and after an
 * action. The slices that own a kind register its reader where they are plugged in.
 */
@Injectable()
export class AuditSnapshots {
  private readonly readers = new Map<string, SnapshotReader>();

  register(kind: string, reader: SnapshotReader): void {
    this.readers.set(kind, reader);
  }

  has(kind: string): boolean {
    return this.readers.has(kind);
  }

  /** The target's state, or null when it does not exist (a reader's not-found is not an error here). */
  async read(kind: string, id: string): Promise<unknown> {
    const reader = this.readers.get(kind);
    if (!reader) return null;
    return reader(id).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
  }
}

// Slices refuse unknown targets with a coded error ending in `not_found` (`auth.user_not_found`).
function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.endsWith('not_found');
}
