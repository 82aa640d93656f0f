import { Injectable } from '@nestjs/common';
import type { RecentDecisionView } from '@arbiter/contracts';
import { PendingDecisionRepository } from '../repositories/pending-decision.repository';

/** The most a reviewer's recent-decisions list holds. */
export const MAX_RECENT_DECISIONS = 50;

/** A reviewer's latest decisions, newest first, each with the end of its undo window while it is open. */
@Injectable()
export class RecentDecisions {
  constructor(private readonly pending: PendingDecisionRepository) {}

  async execute(userId: string, limit: number): Promise<RecentDecisionView[]> {
    const rows = await this.pending.recentOf(userId, Math.min(limit, MAX_RECENT_DECISIONS));
    return rows.map((r) => ({
      id: r.id,
      taskId: r.taskId,
      submissionId: r.submissionId,
      queue: r.queue,
      action: r.action,
      reasonCodes: r.reasonCodes,
      state: r.state,
      decidedAt: r.decidedAt.toISOString(),
      undoableUntil: r.undoable && r.finalAt ? r.finalAt.toISOString() : null,
    }));
  }
}
