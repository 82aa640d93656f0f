import type {
  CalibrationMap,
  GateResult,
  ScoreResult,
  ScoringConfig,
  ScoringInput,
  ScoringModel,
  SignalConfig,
} from '../scoring.types';
import { recalibrate, sigmoid } from '../calibration/apply.calibration';
import { DEFAULT_MODEL } from '../model/default-model';
import { Analysis } from './analysis';
import { combineFitted, combineWeights, type WeighedInput } from './combiner';
import { GATES, SIGNALS } from './registry';
import {
  CONTRADICTED_SHORT_ANSWER_CAP,
  modelFor,
  shortAnswerCap,
  shortAnswerContradictions,
  withCapCues,
} from './short-answer-regime';

/** Thrown when a configuration that validateScoringConfig would refuse reaches the engine. */
export class ScoringConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringConfigError';
  }
}

/**
 * Scores one output: runs every configured gate and signal and combines the signals into a
 * calibrated confidence. Pure and deterministic. Throws on an invalid configuration or an
 * internal fault, so the caller sends the item to humans (fail safe), never approves it.
 */
export function scoreOutput(
  input: ScoringInput,
  config: ScoringConfig,
  model: ScoringModel = DEFAULT_MODEL,
): ScoreResult {
  const analysis = new Analysis(input);
  const schemas = config.schemas ?? {};
  const gates: GateResult[] = (config.validators ?? []).map((v) => {
    const def = GATES[v.type];
    if (!def) throw new ScoringConfigError(`unknown validator type "${v.type}"`);
    if (def.external) return externalGate(v, config);
    const outcome = def.check(input, analysis, v, schemas);
    if (Array.isArray(outcome))
      return { type: v.type, passed: outcome.length === 0, onFail: v.onFail, findings: outcome };
    const { findings, metrics } = outcome;
    return { type: v.type, passed: findings.length === 0, onFail: v.onFail, findings, metrics };
  });

  const inputs = computeSignals(input, config, analysis);

  const engine = config.engine ?? {};
  // The policy's calibration (a Platt map refitted from reviewers' verdicts, say) applies to
  // whichever model scored; the model's own confidence is kept beside it so it can be refitted.
  const calibration = engine.calibration as CalibrationMap | undefined;
  const calibrated = calibration !== undefined && calibration.method !== 'identity';
  if (engine.model === 'weights') {
    // The pooled logit's own probability is sigmoid(logit): the map on it is the map on the logit.
    const combined = combineWeights(inputs, calibration ?? { method: 'identity' });
    return {
      confidence: clamp01(combined.confidence),
      gates,
      signals: combined.signals,
      logit: combined.logit,
      model: 'weights',
      ...(calibrated ? { modelConfidence: clamp01(sigmoid(combined.logit)) } : {}),
    };
  }
  // With `scoring: { shortAnswers: true }`, a short answer with a context is judged by the
  // model fitted on short support answers (see short-answer-regime.ts); its contributions add
  // up to its own logit. Opt-in: on other genres' short replies it approved wrong ones.
  const judge = engine.shortAnswers === true ? modelFor(model, analysis, inputs) : model;
  const combined = combineFitted(inputs, judge);
  let own = clamp01(combined.confidence);
  let signals = combined.signals;
  // A fact swapped within its sentence or set against an opposite is a single wrong fact the
  // fitted features do not see: the short answer is capped below the AI-review band, and the
  // contradiction signal's evidence says where, so the cap is explained where the cues are read,
  // and `cap` says why to routing, which gives it as a reason.
  const contradicted = judge !== model ? shortAnswerContradictions(analysis) : [];
  if (contradicted.length) {
    own = Math.min(own, CONTRADICTED_SHORT_ANSWER_CAP);
    signals = withCapCues(signals, contradicted);
  }
  return {
    confidence: calibrated ? clamp01(recalibrate(calibration, own)) : own,
    gates,
    signals,
    logit: combined.logit,
    model: `fitted:${judge.version}`,
    ...(calibrated ? { modelConfidence: own } : {}),
    ...(contradicted.length ? { cap: shortAnswerCap(contradicted) } : {}),
  };
}

/** Runs the configured signals without combining them: what the fit and eval scripts learn from. */
export function computeSignals(
  input: ScoringInput,
  config: Pick<ScoringConfig, 'signals'>,
  analysis = new Analysis(input),
): WeighedInput[] {
  return Object.entries(config.signals ?? {}).map(([name, raw]) => {
    const def = SIGNALS[name];
    if (!def) throw new ScoringConfigError(`unknown signal "${name}"`);
    const options: SignalConfig = raw ?? {};
    const policyWeight = typeof options.weight === 'number' ? options.weight : 1;
    return { name, policyWeight, output: def.compute(input, analysis, options) };
  });
}

/** An I/O validator's outcome: its findings under its onFail, or a fault that goes to people. */
function externalGate(v: ScoringConfig['validators'][number], config: ScoringConfig): GateResult {
  const outcome = config.external?.get(v) ?? { fault: 'the validator was not evaluated' };
  if ('fault' in outcome)
    return {
      type: v.type,
      passed: false,
      // A fault is not the client's verdict: never reject on it, never let it through as a flag.
      onFail: 'human',
      findings: [
        {
          code: `${v.type}.fault`,
          message: `The ${v.type} validator could not decide: ${outcome.fault}.`,
        },
      ],
    };
  return {
    type: v.type,
    passed: outcome.findings.length === 0,
    onFail: v.onFail,
    findings: outcome.findings,
  };
}

function clamp01(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return Math.min(1, Math.max(0, x));
}
