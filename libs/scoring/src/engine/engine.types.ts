import type { GateFinding, ScoringInput, SignalConfig, ValidatorConfig } from '../scoring.types';
import type { Analysis } from './analysis';

/** A problem in a policy's scoring configuration, pointing at the field. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** A gate's findings with the numbers it measured on the way. */
export interface GateOutcome {
  findings: GateFinding[];
  metrics: Record<string, number>;
}

/** What a gate implementation returns; the engine adds type, onFail and passed. */
export type GateCheck = (
  input: ScoringInput,
  analysis: Analysis,
  options: ValidatorConfig,
  schemas: Record<string, unknown>,
) => GateFinding[] | GateOutcome;

/** Validates a gate's options; `path` is the validator's own path, e.g. `validators[2]`. */
export type GateOptionsCheck = (
  options: ValidatorConfig,
  path: string,
  schemas: Record<string, unknown>,
) => ConfigProblem[];

export interface GateDefinition {
  check: GateCheck;
  validate: GateOptionsCheck;
  /** Its outcome is evaluated outside the engine (I/O) and handed in as ScoringConfig.external. */
  external?: boolean;
}

/** What a signal implementation returns, before the combiner weighs it. */
export interface SignalOutput {
  /** In [0,1], higher = more trustworthy; null when the signal's input is absent. */
  score: number | null;
  /** Named numeric features for the fitted model (e.g. `grounding.minSupport`). Empty when missing. */
  features: Record<string, number>;
  evidence: unknown;
}

export type SignalCompute = (
  input: ScoringInput,
  analysis: Analysis,
  options: SignalConfig,
) => SignalOutput;

export interface SignalDefinition {
  compute: SignalCompute;
  /** Validates signal-specific options (weight is checked by the engine). */
  validate?: (options: SignalConfig, path: string) => ConfigProblem[];
}

/** A missing-signal result. */
export function missingSignal(reason: string): SignalOutput {
  return { score: null, features: {}, evidence: { reason } };
}
