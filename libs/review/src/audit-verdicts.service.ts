import { Injectable } from '@nestjs/common';
import type { SubmissionRow } from '@arbiter/workflow';
import { EntityManager } from 'typeorm';

/** A reviewer's verdict on an audit task: did they agree with the automatic approval? */
export interface AuditVerdict {
  taskId: string;
  submission: SubmissionRow;
  reviewerId: string;
  /** True when the reviewer disagreed (reject, or edit with a corrected output). */
  overturned: boolean;
  reasonCodes: string[];
  comment: string | null;
  correctedOutput: { text?: string; json?: unknown } | null;
}

/** What the self-checking loop does with a verdict: record it with the decision, then act on it. */
export interface AuditVerdictHandler {
  /** Inside the decision's transaction: recorded together with it or not at all. */
  withinDecision(tx: EntityManager, verdict: AuditVerdict): Promise<void>;
  /** After the commit: notify the client, evaluate the breaker (reconcilers cover a crash here). */
  afterCommit(verdict: AuditVerdict): Promise<void>;
}

/**
 * The seam between human review, which owns tasks and leases, and the self-checking loop, which
 * owns audits: the loop registers its handler at start. An audit decided in a process without the
 * loop is refused, never half-recorded.
 */
@Injectable()
export class AuditVerdicts {
  private handler?: AuditVerdictHandler;

  register(handler: AuditVerdictHandler): void {
    if (this.handler) throw new Error('an audit verdict handler is already registered');
    this.handler = handler;
  }

  get(): AuditVerdictHandler {
    if (!this.handler)
      throw new Error('audit task decided in a process without the oversight module');
    return this.handler;
  }
}
