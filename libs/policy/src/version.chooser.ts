import { DRAW_SALTS, drawFor } from './draw.hasher';
import type { VersionState } from './policy.types';

/**
 * The policy version that judges a submission: `split.percent` % of submissions (chosen by a
 * deterministic draw on the id, so a retried job picks the same version) go to `split.version`.
 */
export function chooseVersion(submissionId: string, state: VersionState): number {
  const split = state.split;
  if (!split || !Number.isFinite(split.percent) || split.percent <= 0) return state.activeVersion;
  // The salt does not include the percent: raising 10% → 20% keeps the first 10% where they were.
  const draw = drawFor(submissionId, DRAW_SALTS.split);
  return draw * 100 < split.percent ? split.version : state.activeVersion;
}
