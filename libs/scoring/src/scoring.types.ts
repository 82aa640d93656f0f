/**
 * The contract between the scoring engine (pure) and the worker's score stage.
 * Changing a shape here changes what GET /v1/submissions/:id shows: keep it additive.
 */

/** What the engine may read of a submission. Mirrors the v1 wire format, without ids. */
export interface ScoringInput {
  input: {
    prompt?: string;
    context?: { id: string; text: string }[];
    language?: string;
  };
  output: {
    text?: string;
    json?: unknown;
    samples?: string[];
    logprobs?: number[];
  };
}

/** What to do when a validator (hard gate) fails. */
export type OnFail = 'reject' | 'human' | 'flag';

/** One entry of a policy's `validators:` list. Extra keys are validator-specific options. */
export interface ValidatorConfig {
  type: string;
  onFail: OnFail;
  [option: string]: unknown;
}

/** One entry of a policy's `signals:` map. Extra keys are signal-specific options. */
export interface SignalConfig {
  weight?: number;
  [option: string]: unknown;
}

/** The part of a pipeline policy the engine reads. */
export interface ScoringConfig {
  signals: Record<string, SignalConfig>;
  validators: ValidatorConfig[];
  /** Named schemas that jsonSchema validators may $ref as "#/schemas/<name>". */
  schemas?: Record<string, unknown>;
  /** Engine-wide options: the policy's top-level `scoring:` section (validated by the engine). */
  engine?: Record<string, unknown>;
  /**
   * Outcomes of validators that need I/O (`webhook`), evaluated by the caller before scoring,
   * keyed by the validator entry itself. An external validator without one counts as a fault.
   */
  external?: ReadonlyMap<ValidatorConfig, { findings: GateFinding[] } | { fault: string }>;
}

/** A place in the output a finding points at: character offsets into output text, or a JSON path. */
export interface Span {
  start?: number;
  end?: number;
  path?: string;
  text?: string;
}

export interface GateFinding {
  /** Stable machine code, e.g. `phrase.denied`, `json.schema`, `pii.email`. */
  code: string;
  /** One sentence a reviewer understands. */
  message: string;
  spans?: Span[];
  /** A suggested replacement, when the validator has one. */
  suggestion?: string;
}

export interface GateResult {
  type: string;
  passed: boolean;
  onFail: OnFail;
  findings: GateFinding[];
  /** Numbers a gate measured whether or not it passed (e.g. `tone.formality`), for drift tracking. */
  metrics?: Record<string, number>;
}

export interface SignalResult {
  name: string;
  /** In [0,1], higher = more trustworthy; null when missing. */
  score: number | null;
  /** True when the signal's input is absent (no context, no samples, no logprobs…). */
  missing: boolean;
  weight: number;
  /** This signal's additive share of the combiner's logit. */
  contribution: number;
  evidence: unknown;
}

export interface ScoreResult extends ScoreResultExtras {
  /** Calibrated probability in [0,1] that the output is acceptable. */
  confidence: number;
  gates: GateResult[];
  signals: SignalResult[];
}

/** How a raw logit becomes a probability. */
export type CalibrationMap =
  | { method: 'identity' }
  /** p = 1 / (1 + exp(a·z + b)) */
  | { method: 'platt'; a: number; b: number }
  /** Piecewise-linear through increasing (x = logit, y = probability) knots from pool-adjacent-violators. */
  | { method: 'isotonic'; x: number[]; y: number[] };

/** One fitted coefficient: contribution = weight · (value − mean) / scale. */
export interface ScoringModelFeature {
  name: string;
  signal: string;
  weight: number;
  mean: number;
  scale: number;
}

/**
 * A fitted logistic combiner. Features are centred, so a signal at its training mean (or not
 * enabled by the policy) contributes 0 and the sign of a contribution says which way it pushed.
 */
export interface ScoringModel {
  version: string;
  description?: string;
  bias: number;
  features: ScoringModelFeature[];
  /** Logit added when a signal is enabled but missing (no context, no samples…). */
  missing: Record<string, number>;
  /** Weight on logit(score) for signals the training data could not fit (e.g. no samples in it). */
  priors: Record<string, number>;
  calibration: CalibrationMap;
  /**
   * The model for short answers with a context (see engine/short-answer-regime.ts), used
   * instead of this one for them: a one-line support answer is judged by its few facts, and a
   * model calibrated over summaries and dialogue could not tell it was right.
   */
  shortAnswers?: ScoringModel;
}

/** Optional extras of a ScoreResult (additive to the v1 contract). */
export interface ScoreResultExtras {
  /** The combiner's raw logit before calibration. */
  logit?: number;
  /** `fitted:<version>` (the short-answer model's version when it judged) or `weights`. */
  model?: string;
  /**
   * The model's own confidence, before the policy's `scoring.calibration`; present only when that
   * calibration is not the identity (then `confidence` is the map applied to this one's logit).
   */
  modelConfidence?: number;
  /** Present when findings the model does not weigh capped its confidence (routing says why). */
  cap?: ScoreCap;
}

/** A ceiling put on the model's confidence, and the findings that put it there. */
export interface ScoreCap {
  /** The most the model's confidence may be, before the policy's `scoring.calibration`. */
  at: number;
  /** Each finding: its kind (`swapped`, `opposite`…) and the output's words it is about. */
  causes: { kind: string; text: string }[];
}
