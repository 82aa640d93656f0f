import { type DecideDto, wordDiff } from '@arbiter/contracts';
import type { SubmissionRow } from '@arbiter/workflow';
import { randomUUID } from 'node:crypto';
import type { CastDecision, ReviewActionName } from './review-rules';

// A reviewer's decision as it arrives, and what is derived from it before anything is written.

export interface DecisionInput {
  leaseToken: string;
  action: ReviewActionName;
  reasonCodes: string[];
  comment?: string;
  editedOutput?: { text?: string; json?: unknown } | null;
}

/** The decision a REST request or a socket command carries (the same DTO on both). */
export function decisionInputOf(body: DecideDto): DecisionInput {
  return {
    leaseToken: body.leaseToken,
    action: body.action,
    reasonCodes: body.reasonCodes ?? [],
    comment: body.comment,
    editedOutput: body.editedOutput ?? null,
  };
}

/** The decision as one vote towards the task's consensus. */
export function castOf(userId: string, input: DecisionInput): CastDecision {
  const edited = input.action === 'edit' ? input.editedOutput : null;
  return {
    reviewerId: userId,
    action: input.action,
    reasonCodes: input.reasonCodes,
    editedOutput: edited ?? null,
  };
}

/** What is recorded of a decision, whichever way it is written; an edit keeps its word diff. */
export function decisionRecord(submission: SubmissionRow, input: DecisionInput) {
  const original = typeof submission.output.text === 'string' ? submission.output.text : undefined;
  const edited = input.action === 'edit' ? input.editedOutput : null;
  return {
    id: randomUUID(),
    action: input.action,
    reasonCodes: input.reasonCodes,
    comment: input.comment ?? null,
    editedOutput: edited ?? null,
    diff:
      edited?.text !== undefined && original !== undefined ? wordDiff(original, edited.text) : null,
  };
}
