import type { ScoringInput, SignalConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import {
  missingSignal,
  type ConfigProblem,
  type SignalDefinition,
  type SignalOutput,
} from '../engine/engine.types';
import { checkNumber, unknownKeys } from '../engine/options.util';

/** Token log-probabilities (natural log): geometric-mean probability, minimum, share of low-probability tokens. */
function compute(input: ScoringInput, _analysis: Analysis, options: SignalConfig): SignalOutput {
  const lps = (input.output.logprobs ?? []).filter(
    (x) => typeof x === 'number' && Number.isFinite(x) && x <= 0,
  );
  if (!lps.length) return missingSignal('no logprobs');
  const low = Math.log((options.lowProbability as number | undefined) ?? 0.1);
  let sum = 0;
  let min = 0;
  let lowCount = 0;
  for (const lp of lps) {
    sum += lp;
    if (lp < min) min = lp;
    if (lp < low) lowCount++;
  }
  const mean = sum / lps.length;
  const lowShare = lowCount / lps.length;
  // The geometric-mean token probability, discounted by how many tokens were guesses.
  const score = Math.exp(mean) * (1 - lowShare);
  return {
    score,
    features: { 'logprob.mean': mean, 'logprob.min': min, 'logprob.lowShare': lowShare },
    evidence: {
      tokens: lps.length,
      mean: round(mean),
      min: round(min),
      lowShare: round(lowShare),
      perplexity: round(Math.exp(-mean)),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function validate(options: SignalConfig, path: string): ConfigProblem[] {
  return [
    ...unknownKeys(options, ['weight', 'lowProbability'], path),
    ...checkNumber(options.lowProbability, `${path}.lowProbability`, { min: 0, max: 1 }),
  ];
}

/** `logprob`: token log-probability statistics (mean, minimum, share of low-probability tokens). */
export const logprobSignal: SignalDefinition = { compute, validate };
