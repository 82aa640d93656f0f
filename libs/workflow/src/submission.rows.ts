import { ColumnMap, selectList } from '@arbiter/persistence';

// The shapes of a submission and its events as the repository reads and writes them, and where
// each field lives in `submissions`.

export interface NewSubmission {
  id: string;
  clientId: string;
  pipelineId: string;
  policyVersionId: string;
  externalId: string | null;
  idempotencyKey: string | null;
  requestHash: string;
  input: unknown;
  output: unknown;
  model: unknown;
  promptVersion: string | null;
  metadata: unknown;
  callbackUrl: string | null;
  /** The W3C traceparent of the intake span (tracing on): later stages continue its trace. */
  traceparent?: string | null;
}

export interface EventRow {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  data?: unknown;
}

export interface TransitionPatch {
  confidence?: number | null;
  scoring?: unknown;
  decision?: unknown;
  /** Stamp decided_at: the submission reaches a final state. */
  decided?: boolean;
}

export interface SubmissionRow {
  id: string;
  clientId: string;
  pipelineId: string;
  policyVersionId: string;
  status: string;
  externalId: string | null;
  requestHash: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  model: Record<string, unknown>;
  promptVersion: string | null;
  metadata: Record<string, unknown> | null;
  callbackUrl: string | null;
  /** The intake span's W3C traceparent, when it was traced. */
  traceparent?: string | null;
  confidence: number | null;
  scoring: Record<string, unknown> | null;
  decision: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
  /** When the raw text was erased (retention or the client's request); null while it is kept. */
  erasedAt: Date | null;
}

/** What erasing a submission writes: the marker in place of its text, its scoring and decision without their copies. */
export interface ErasedSubmission {
  marker: Record<string, unknown>;
  scoring: unknown;
  decision: unknown;
}

export interface EventView {
  id: string;
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  actor: string;
  data: Record<string, unknown> | null;
  createdAt: Date;
}

/** Where each field of SubmissionRow lives in `submissions`. */
export const SUBMISSION_COLUMN_MAP: ColumnMap<SubmissionRow> = {
  id: 'id',
  clientId: 'client_id',
  pipelineId: 'pipeline_id',
  policyVersionId: 'policy_version_id',
  status: 'status',
  externalId: 'external_id',
  requestHash: 'request_hash',
  input: 'input',
  output: 'output',
  model: 'model',
  promptVersion: 'prompt_version',
  metadata: 'metadata',
  callbackUrl: 'callback_url',
  traceparent: 'traceparent',
  confidence: 'confidence',
  scoring: 'scoring',
  decision: 'decision',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  decidedAt: 'decided_at',
  erasedAt: 'erased_at',
};
export const SUBMISSION_COLUMNS = selectList(SUBMISSION_COLUMN_MAP);

/** One transition of a group applied by applyTransitions. */
export interface TransitionRow {
  id: string;
  from: string;
  to: string;
  patch: TransitionPatch;
  events: EventRow[];
}
