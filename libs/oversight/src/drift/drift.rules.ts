// What drift and model-change detection conclude from two windows of a pipeline's traffic.
// Pure: the DriftWatch service reads the windows and turns the findings into alerts.
import {
  categoricalStability,
  numericStability,
  PSI_MAJOR,
  PSI_MODERATE,
} from '../rules/population-stability';
import { rateIncrease } from '../rules/rate-change';
import type { TrafficItem } from './traffic-sample.repository';

export type DriftFeature = 'confidence' | 'outputLength' | 'language' | 'route';

export interface FeatureStability {
  feature: DriftFeature;
  psi: number | null;
  /** PSI above 0.25: a major shift (alert); below 0.1: stable (resolves an alert). */
  level: 'stable' | 'moderate' | 'major' | 'unknown';
}

const counts = (
  items: TrafficItem[],
  key: (i: TrafficItem) => string | null,
): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? 'none';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};

const levelOf = (psi: number | null): FeatureStability['level'] =>
  psi === null
    ? 'unknown'
    : psi > PSI_MAJOR
      ? 'major'
      : psi >= PSI_MODERATE
        ? 'moderate'
        : 'stable';

/** PSI of the confidence, output length, language mix and route shares, current against baseline. */
export function featureStability(
  baseline: TrafficItem[],
  current: TrafficItem[],
): FeatureStability[] {
  const numeric = (f: (i: TrafficItem) => number | null) => [
    baseline.map(f).filter((x): x is number => x !== null),
    current.map(f).filter((x): x is number => x !== null),
  ];
  const psis: Record<DriftFeature, number | null> = {
    confidence: numericStability(...(numeric((i) => i.confidence) as [number[], number[]])),
    outputLength: numericStability(...(numeric((i) => i.outputLength) as [number[], number[]])),
    language: categoricalStability(
      counts(baseline, (i) => i.language),
      counts(current, (i) => i.language),
    ),
    route: categoricalStability(
      counts(baseline, (i) => i.route),
      counts(current, (i) => i.route),
    ),
  };
  return (Object.keys(psis) as DriftFeature[]).map((feature) => ({
    feature,
    psi: psis[feature],
    level: levelOf(psis[feature]),
  }));
}

export interface ModelChange {
  previous: string;
  next: string;
  /** What differs significantly, in words, with the figures. */
  changes: string[];
  figures: Record<string, number>;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/**
 * A model (name:version) that appears in the current window and not in the baseline, compared
 * with the baseline's main model: the human reject rate (one-sided two-proportion test at
 * `alpha`), and the PSI of the confidence, output length and language. Null when there is no new
 * model, too few items of it, or nothing differs.
 */
export function modelChange(
  baseline: TrafficItem[],
  current: TrafficItem[],
  minItems: number,
  alpha = 0.01,
): ModelChange | null {
  const before = counts(baseline, (i) => i.model);
  const previous = Object.entries(before).sort((a, b) => b[1] - a[1])[0]?.[0];
  const newcomers = Object.entries(counts(current, (i) => i.model)).filter(
    ([m, n]) => !(m in before) && n >= minItems,
  );
  if (!previous || newcomers.length === 0) return null;
  const next = newcomers.sort((a, b) => b[1] - a[1])[0][0];
  const old = baseline.filter((i) => i.model === previous);
  const fresh = current.filter((i) => i.model === next);
  const changes: string[] = [];
  const figures: Record<string, number> = { itemsBefore: old.length, itemsAfter: fresh.length };
  const decided = (items: TrafficItem[]) => items.filter((i) => i.humanRejected !== null);
  const rejects = rateIncrease(
    { events: decided(old).filter((i) => i.humanRejected).length, total: decided(old).length },
    { events: decided(fresh).filter((i) => i.humanRejected).length, total: decided(fresh).length },
    alpha,
    Math.min(minItems, 30),
  );
  if (rejects?.significant) {
    changes.push(
      `human reject rate ${pct(rejects.before)} → ${pct(rejects.after)} (p = ${rejects.pValue.toExponential(1)})`,
    );
    Object.assign(figures, {
      rejectRateBefore: rejects.before,
      rejectRateAfter: rejects.after,
      pValue: rejects.pValue,
    });
  }
  for (const s of featureStability(old, fresh)) {
    if (s.feature === 'route' || s.level !== 'major' || s.psi === null) continue;
    figures[`psi.${s.feature}`] = s.psi;
    const detail =
      s.feature === 'confidence'
        ? ` (mean ${mean(old.map((i) => i.confidence ?? 0)).toFixed(2)} → ${mean(fresh.map((i) => i.confidence ?? 0)).toFixed(2)})`
        : s.feature === 'outputLength'
          ? ` (mean ${Math.round(mean(old.map((i) => i.outputLength)))} → ${Math.round(mean(fresh.map((i) => i.outputLength)))} characters)`
          : '';
    changes.push(`${s.feature} shifted, PSI ${s.psi.toFixed(2)}${detail}`);
  }
  return changes.length ? { previous, next, changes, figures } : null;
}
