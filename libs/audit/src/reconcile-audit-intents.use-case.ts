import { Injectable, Logger } from '@nestjs/common';
import { AuditIntentRepository, UnsettledIntent } from './audit-intent.repository';
import { AuditLog } from './audit-log.use-case';
import { AuditSnapshots } from './audit-snapshots.registry';

// Intents finished per read; the loop goes on until none is left.
const BATCH = 100;

/**
 * Finishes the audited calls nobody finished. An intent older than any call takes belongs to a
 * call whose process died, or whose entry could not be written, after it may have acted: it
 * becomes an `unconfirmed` entry holding the target's state as read now, so the log shows that
 * something may have happened and what the target looks like since. Every api replica may run
 * this at once: each intent is settled by exactly one of them, or by its own call if that call
 * was only slow.
 */
@Injectable()
export class ReconcileAuditIntents {
  private readonly logger = new Logger(ReconcileAuditIntents.name);

  constructor(
    private readonly intents: AuditIntentRepository,
    private readonly log: AuditLog,
    private readonly snapshots: AuditSnapshots,
  ) {}

  /** Turns intents announced more than `olderThanMs` ago into unconfirmed entries; returns how many. */
  async execute(olderThanMs: number): Promise<number> {
    let settled = 0;
    for (;;) {
      const batch = await this.intents.unsettled(olderThanMs, BATCH);
      for (const intent of batch) {
        const after = await this.stateNow(intent);
        if (await this.log.settle(intent.id, { status: 'unconfirmed', after })) settled += 1;
      }
      if (batch.length < BATCH) break;
    }
    if (settled)
      this.logger.warn(`${settled} audited call(s) never finished: recorded as unconfirmed`);
    return settled;
  }

  /**
   * The target's state now, or null: none named (a creation whose result never came back), no
   * reader for its kind, or a read that fails. A failed read must not keep the entry out of the
   * log for good, so it is recorded without a state rather than retried forever.
   */
  private async stateNow(intent: UnsettledIntent): Promise<unknown> {
    if (!intent.targetId || !this.snapshots.has(intent.targetKind)) return null;
    try {
      return await this.snapshots.read(intent.targetKind, intent.targetId);
    } catch (error) {
      this.logger.warn(
        `audit ${intent.id}: ${intent.targetKind} ${intent.targetId} unreadable: ${(error as Error).message}`,
      );
      return null;
    }
  }
}
