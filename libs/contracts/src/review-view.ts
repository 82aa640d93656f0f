/**
 * Wire shapes of human review (plain types, shared with the web UI). Gate and signal results
 * restate libs/scoring's ScoreResult parts: the scoring engine is pure and imports no lib.
 */
export interface Span {
  start?: number;
  end?: number;
  path?: string;
  text?: string;
}

export interface GateFinding {
  code: string;
  message: string;
  spans?: Span[];
  suggestion?: string;
}

export interface GateResult {
  type: string;
  passed: boolean;
  onFail: 'reject' | 'human' | 'flag';
  findings: GateFinding[];
}

export interface SignalResult {
  name: string;
  score: number | null;
  missing: boolean;
  weight: number;
  contribution: number;
  evidence: unknown;
}

export interface RoutingView {
  route?: string;
  outcome?: string | null;
  reasons?: { code: string; message: string }[];
  flags?: string[];
  aiReview?: Record<string, unknown> | null;
}

/** What `claim` and `GET /v1/review/tasks/:id` answer: a task, its deadline and its evidence. */
export interface ReviewTaskView {
  task: {
    id: string;
    queue: string;
    kind: string;
    status: string;
    priority: number;
    consensus: number;
    dueAt: string;
    slaState: 'ok' | 'at_risk' | 'breached' | string;
    leaseToken?: string;
    leaseExpiresAt?: string | null;
    /** Skills a reviewer needs to be offered it (the submission's language, per review.skills). */
    requiredSkills: string[];
    /** It needs skills and waited past review.skillFallback: offered to anyone of the queue. */
    skillFallback: boolean;
  };
  submission: {
    id: string;
    pipeline: string;
    policyVersion: number;
    externalId: string | null;
    input: { prompt?: string; context?: { id: string; text: string }[]; language?: string };
    output: { text?: string; json?: unknown; samples?: string[] };
    model: { provider?: string; name?: string; version?: string };
    metadata: Record<string, unknown> | null;
    confidence: number | null;
    signals: SignalResult[];
    gates: GateResult[];
    routing: RoutingView | null;
    createdAt: string;
  };
  reasonCodes: string[];
  /** review.guidelines of the policy version that judged the submission (text or markdown). */
  guidelines: string | null;
  canEscalate: boolean;
}

/** The answer to a decision. */
export type DecisionResultView =
  | {
      result: 'decided';
      outcome: 'approved' | 'rejected';
      /** With an undo window (policy review.undoWindow): the decision to undo, and until when. */
      decisionId?: string;
      undoableUntil?: string;
    }
  | { result: 'waiting'; have: number; need: number }
  | { result: 'escalated'; queue: string }
  /** An audit task: the reviewer agreed with the automatic approval or overturned it. */
  | { result: 'audited'; verdict: 'agreed' | 'overturned' };

/** One of a reviewer's recent decisions (GET /v1/review/decisions/mine). */
export interface RecentDecisionView {
  id: string;
  taskId: string;
  submissionId: string;
  queue: string;
  action: 'approve' | 'reject' | 'edit' | 'escalate';
  reasonCodes: string[];
  /** pending: in its undo window, not delivered; final; undone; lapsed: the submission expired first. */
  state: 'pending' | 'final' | 'undone' | 'lapsed';
  decidedAt: string;
  /** Until when POST /v1/review/decisions/:id/undo takes it back; null once it cannot. */
  undoableUntil: string | null;
}
