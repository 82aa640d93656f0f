import type { SubmissionRow, TransitionRequest } from '@arbiter/workflow';

/** A human outcome as the submission records it: who, what, why, and the output that goes out. */
export interface HumanOutcome {
  taskId: string;
  actor: string;
  outcome: 'approved' | 'rejected';
  reasons: { code: string; message: string }[];
  /** The reviewers' edit, when the outcome carries one. */
  editedOutput: { text?: string; json?: unknown } | undefined;
  reviewers: string[];
}

/**
 * The transition human_review → outcome of a human decision, whether it is written with the
 * decision or when its undo window ends: one shape of `decision` for every client.
 */
export function humanOutcomeRequest(
  submission: SubmissionRow,
  { taskId, actor, outcome, reasons, editedOutput, reviewers }: HumanOutcome,
): TransitionRequest {
  return {
    submissionId: submission.id,
    path: ['human_review', outcome],
    actor,
    patch: {
      decided: true,
      decision: {
        outcome,
        route: 'human_review',
        decidedBy: 'human',
        reasons,
        reviewers: [...new Set(reviewers)],
        edited: editedOutput !== undefined,
        finalOutput: outcome === 'approved' ? (editedOutput ?? submission.output) : undefined,
        originalOutput: editedOutput !== undefined ? submission.output : undefined,
      },
    },
    eventData: { [outcome]: { taskId, reviewers, reasons } },
  };
}
