/** Wire shapes of submissions returned by the API (plain types: shared with the web UI). */

export type SubmissionStatusView =
  'received' | 'scoring' | 'approved' | 'rejected' | 'ai_review' | 'human_review' | 'expired';

export interface AcceptedSubmission {
  id: string;
  status: SubmissionStatusView;
}

export interface DecisionView {
  outcome: 'approved' | 'rejected' | 'expired' | null;
  /** For a routed, undecided submission: where it went (ai_review, human_review). */
  route?: string;
  decidedBy?: 'policy' | 'auto' | 'ai' | 'human';
  reasons: { code: string; message: string }[];
  flags?: string[];
  finalOutput?: { text?: string; json?: unknown };
  /** An auto-approval also sampled for a human QA audit. */
  qaSample?: boolean;
  /** The audit sampling rate it was drawn at (its weight in the escaped-error estimate). */
  qaSampleRate?: number;
  /** The AI reviewer's verdict (provider, model, region, verdict, confidence, …), when one was asked. */
  aiReview?: Record<string, unknown> | null;
  /** Who decided, for a human decision. */
  reviewers?: string[];
  /** Whether a reviewer edited the output (`finalOutput` is the edit, `originalOutput` what came in). */
  edited?: boolean;
  originalOutput?: { text?: string; json?: unknown };
}

export interface TimelineEntry {
  at: string;
  type: string;
  from: string | null;
  to: string | null;
  actor: string;
  data: Record<string, unknown> | null;
}

export interface SubmissionView {
  id: string;
  externalId: string | null;
  pipeline: string;
  policyVersion: number;
  status: SubmissionStatusView;
  decision: DecisionView | null;
  confidence: number | null;
  signals: unknown[];
  gates: unknown[];
  model: Record<string, unknown>;
  promptVersion: string | null;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  timeline: TimelineEntry[];
}

/** What DELETE /v1/submissions?externalId= answers. */
export interface ErasureResult {
  /** Submissions whose text this request erased (0: none, or already erased). */
  erased: number;
}
