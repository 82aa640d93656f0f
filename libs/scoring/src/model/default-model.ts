// Placeholder until scripts/fit-scoring-model.ts regenerates this file.
import type { ScoringModel } from '../scoring.types';

/** The default fitted model shipped with the engine. */
export const DEFAULT_MODEL: ScoringModel = {
  version: 'bootstrap-0',
  description: 'Hand-set bootstrap weights; replaced by the fitted model.',
  bias: 0,
  features: [
    { name: 'grounding.support', signal: 'grounding', weight: 2, mean: 0.7, scale: 0.25 },
    { name: 'grounding.minSupport', signal: 'grounding', weight: 1, mean: 0.6, scale: 0.3 },
  ],
  missing: {},
  priors: {},
  calibration: { method: 'identity' },
};
