import type { ScoringModel } from '../scoring.types';
import { KNOWN_SIGNALS } from '../engine/known-names';
import { DEFAULT_MODEL } from './default-model';

/**
 * The signals a fitted model scores with (features, a constant for "missing", or a prior), in
 * the engine's order, and its version: what a policy without `signals:` is scored with.
 */
export function scoringDefaults(model: ScoringModel = DEFAULT_MODEL): {
  signals: readonly string[];
  model: string;
} {
  const known = new Set([
    ...model.features.map((f) => f.signal),
    ...Object.keys(model.missing),
    ...Object.keys(model.priors),
  ]);
  return { signals: KNOWN_SIGNALS.filter((s) => known.has(s)), model: model.version };
}
