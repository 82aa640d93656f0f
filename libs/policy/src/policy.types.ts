/**
 * A pipeline policy document, as stored in policy_versions.document after validation.
 * Every key is documented in docs/policy.md. Durations are kept as written ("30m") and parsed
 * with parseDuration where used.
 */

export type PolicyOnFail = 'reject' | 'human' | 'flag';
export type OnExpire = 'escalate' | 'reject' | 'approve-with-flag';

export interface PolicyValidator {
  type: string;
  onFail: PolicyOnFail;
  [option: string]: unknown;
}

export interface PolicySignal {
  weight?: number;
  [option: string]: unknown;
}

export interface PolicyThresholds {
  /** confidence ≥ autoApprove → approved (auto). */
  autoApprove: number;
  /** aiReview ≤ confidence < autoApprove → AI review (or humans if aiReview is not configured). */
  aiReview: number;
}

export interface PolicyAiReview {
  providers: string[];
  regions?: string[];
  redactPii?: boolean;
  dailyBudgetUsd?: number;
  approveAt?: number;
  /** What an AI `reject` verdict at or above approveAt does. */
  onReject?: 'reject' | 'human';
  promptVersion?: string;
}

export interface PolicyPriorityRule {
  /** Dotted path into submission.metadata, e.g. "customer.tier". */
  field: string;
  equals: string | number | boolean;
  priority: number;
}

export interface PolicyReview {
  queue: string;
  priority?: number;
  priorityRules?: PolicyPriorityRule[];
  sla?: string;
  consensus?: number;
  onExpire?: OnExpire;
  escalateTo?: string;
  reasonCodes?: string[];
  /** Languages that need a reader: a submission in one goes only to reviewers with that skill. */
  skills?: string[];
  /** After this long without a reader, any reviewer of the queue may take the task (flagged). */
  skillFallback?: string;
  /** How long a reviewer may undo a decision before it is final and delivered; "0": no undo. */
  undoWindow?: string;
  /** Instructions for this pipeline's reviewers (text or markdown), shown beside each task. */
  guidelines?: string;
}

/** Audits of automatic approvals (see docs/policy.md, "Audit, rollout and lifetime"). */
export interface PolicyQa {
  sampleAutoApproved?: number;
  /** Defaults to sampleAutoApproved. */
  sampleAiApproved?: number;
  /** The audit share of automatic approvals while the breaker is not closed. */
  sampleWhileBreakerOpen?: number;
  queue?: string;
  priority?: number;
  /** The error bound's δ: it holds with probability 1 − δ. */
  delta?: number;
}

/** Gradual rollout: a fixed share, or steps climbed on audit evidence (docs/self-checking.md). */
export interface PolicyRollout {
  autoApproveShare?: number;
  steps?: number[];
  minAudits?: number;
  targetError?: number;
}

/** The automation circuit breaker of the pipeline. */
export interface PolicyBreaker {
  maxOverrideRate?: number;
  window?: number;
  minSamples?: number;
  coolDown?: string;
  halfOpenShare?: number;
  halfOpenAudits?: number;
  /** Trip when the share of scored outputs failing a hard gate rises by more than this between two windows. */
  maxGateFailureJump?: number;
  /** Trip when the share of AI-reviewer calls that fault rises by more than this between two windows. */
  maxAiFaultJump?: number;
  /** The length of each of the two windows a jump is judged on (e.g. "1h"). */
  jumpWindow?: string;
  /** Items needed in each window before a jump is judged. */
  minRouted?: number;
}

/** Where this pipeline's alerts go, besides the global targets (docs/self-checking.md, "Alerts"). */
export interface PolicyAlerts {
  /** A JSON webhook, signed like outcome webhooks with ARBITER_ALERT_WEBHOOK_SECRET. */
  webhookUrl?: string;
  /** A Slack-compatible incoming webhook. */
  slackUrl?: string;
}

/** Recalibration of the auto-approve threshold on a schedule (docs/self-checking.md). */
export interface PolicyRecalibration {
  /** How often a proposal is made from the reviewers' verdicts (e.g. "1d"). */
  every: string;
  /** Defaults to rollout.targetError, else 0.05. */
  targetError?: number;
  /** Apply the proposal as a new policy version without a lead. Default false: only recorded. */
  autoApply?: boolean;
  /** The largest change of thresholds.autoApprove applied at once. Default 0.05. */
  maxStep?: number;
  /** Effective verdicts a proposal needs before it is applied. Default 100. */
  minVerdicts?: number;
  /** Also refit `scoring.calibration` from the verdicts on each run (proposed; applied with autoApply). */
  refitCalibration?: boolean;
}

/** How long raw text is kept (docs/policy.md, "Retention"). */
export interface PolicyRetention {
  /** After this long in a final state, a submission's raw text and every copy of it are erased (e.g. "30d"). */
  raw: string;
}

export interface Policy {
  pipeline: string;
  description?: string;
  signals: Record<string, PolicySignal>;
  validators: PolicyValidator[];
  schemas?: Record<string, unknown>;
  /** Engine-wide scoring options, validated by the scoring engine, not here. */
  scoring?: Record<string, unknown>;
  thresholds: PolicyThresholds;
  aiReview?: PolicyAiReview;
  review: PolicyReview;
  qa?: PolicyQa;
  breaker?: PolicyBreaker;
  rollout?: PolicyRollout;
  recalibration?: PolicyRecalibration;
  alerts?: PolicyAlerts;
  /** Time to live of a submission before it expires (e.g. "24h"). */
  ttl?: string;
  retention?: PolicyRetention;
}

/** One problem found in a policy document, pointing at the field. */
export interface PolicyProblem {
  /** Dotted path, e.g. "thresholds.autoApprove" or "validators[2].onFail". */
  path: string;
  message: string;
}

/** A problem placed in the policy text: 1-based line and column, null where the text has no place for it. */
export interface LocatedPolicyProblem extends PolicyProblem {
  line: number | null;
  column: number | null;
}

/**
 * A policy document as written (before defaults): what the structural schema accepts.
 * `validatePolicy` turns it into a `Policy` with defaults filled in.
 */
export type PolicyDocument = Omit<Policy, 'signals' | 'validators' | 'review'> & {
  signals?: Record<string, PolicySignal>;
  validators?: PolicyValidator[];
  review?: Partial<PolicyReview>;
};

/** The scoring part of a policy, handed to the scoring engine's checker (mirrors ScoringConfig). */
export interface PolicyScoringSection {
  signals: Record<string, PolicySignal>;
  validators: PolicyValidator[];
  schemas?: Record<string, unknown>;
  /** The policy's top-level `scoring:` section. */
  engine?: Record<string, unknown>;
}

export interface ValidatePolicyOptions {
  /** Injected by the caller from the scoring engine, which knows signal names and validator types. */
  checkScoring?: (scoring: PolicyScoringSection) => PolicyProblem[];
  /** When given, the document's `pipeline` must equal it (e.g. the key in PUT /v1/pipelines/:key). */
  pipelineKey?: string;
}

export interface PolicyValidation {
  /** Present only when `problems` is empty. */
  policy?: Policy;
  problems: PolicyProblem[];
}

export interface ParsedPolicyText {
  document?: unknown;
  problems: PolicyProblem[];
}

export interface LocatedPolicyText {
  document?: unknown;
  problems: LocatedPolicyProblem[];
}

export type PolicyTextFormat = 'yaml' | 'json';

/** Which version judges a submission: the active one, optionally split A/B with another. */
export interface VersionState {
  activeVersion: number;
  /** `percent` (0..100) of submissions go to `version`; the rest to activeVersion. */
  split?: { version: number; percent: number } | null;
}

/** A stable machine code plus one sentence a person understands. */
export interface RouteReason {
  code: string;
  message: string;
}

/** One hard gate's outcome, as the scoring engine reports it (GateResult is compatible). */
export interface RouteGate {
  type: string;
  passed: boolean;
  onFail: PolicyOnFail;
  findings?: RouteReason[];
}

/** Findings the model does not weigh that capped the confidence (ScoreCap is compatible). */
export interface RouteCap {
  /** The most the model's confidence may be. */
  at: number;
  /** Each finding: its kind (`swapped`, `opposite`…) and the output's words it is about. */
  causes: { kind: string; text: string }[];
}

/** What routing reads of a score (ScoreResult is compatible). */
export interface RouteScore {
  confidence: number;
  gates: RouteGate[];
  /** Present when the confidence came from a cap: routing gives its causes as a reason. */
  cap?: RouteCap;
}

/** Uniform draws in [0,1) for this submission; use `routeDrawsFor(id)` so they are deterministic. */
export interface RouteDraws {
  rollout: number;
  qa: number;
}

export type Route = 'approved' | 'rejected' | 'ai_review' | 'human_review';

export interface RouteDecision {
  route: Route;
  /** Set only for a final decision: `policy` (hard gate reject) or `auto` (auto-approval). */
  decidedBy?: 'policy' | 'auto';
  reasons: RouteReason[];
  /** Failed `flag` gates, as `flag:<type>`; they never change the route. */
  flags: string[];
  /** True when an auto-approval is also sampled for human QA audit. */
  qaSample: boolean;
}
