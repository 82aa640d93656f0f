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

/** The fixed features, plus `signal.<name>` for each signal's score. */
export type DriftFeature =
  | 'confidence'
  | 'inputLength'
  | 'outputLength'
  | 'outputFormality'
  | 'language'
  | 'route'
  | `signal.${string}`;

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

/**
 * PSI of the confidence, each signal's score, input and output length, the output's formality,
 * language mix and route shares, current against baseline. The formality is measured on a sample
 * of each window: with fewer than `minSampled` measured outputs in either, it is unknown.
 */
export function featureStability(
  baseline: TrafficItem[],
  current: TrafficItem[],
  minSampled = 1,
): FeatureStability[] {
  const numeric = (f: (i: TrafficItem) => number | null | undefined) => [
    baseline.map(f).filter((x): x is number => typeof x === 'number'),
    current.map(f).filter((x): x is number => typeof x === 'number'),
  ];
  const signalNames = new Set(baseline.flatMap((i) => Object.keys(i.signals ?? {})));
  const signals = Object.fromEntries(
    [...signalNames]
      .sort()
      .map((name) => [
        `signal.${name}`,
        numericStability(...(numeric((i) => i.signals?.[name]) as [number[], number[]])),
      ]),
  );
  const psis: Record<DriftFeature, number | null> = {
    confidence: numericStability(...(numeric((i) => i.confidence) as [number[], number[]])),
    ...signals,
    inputLength: numericStability(...(numeric((i) => i.inputLength) as [number[], number[]])),
    outputLength: numericStability(...(numeric((i) => i.outputLength) as [number[], number[]])),
    outputFormality: sampledStability(
      numeric((i) => i.outputFormality) as [number[], number[]],
      minSampled,
    ),
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

function sampledStability([baseline, current]: [number[], number[]], min: number): number | null {
  return baseline.length < min || current.length < min ? null : numericStability(baseline, current);
}

/**
 * The human reject rate of the current window against the baseline (one-sided two-proportion
 * test at `alpha`): `rising` when significantly higher, `steady` when not, null when either
 * window has fewer than `minDecided` human decisions.
 */
export function rejectRateDrift(
  baseline: TrafficItem[],
  current: TrafficItem[],
  minDecided: number,
  alpha = 0.01,
): { level: 'rising' | 'steady'; before: number; after: number; pValue: number } | null {
  const proportion = (items: TrafficItem[]) => {
    const decided = items.filter((i) => i.humanRejected !== null);
    return { events: decided.filter((i) => i.humanRejected).length, total: decided.length };
  };
  const change = rateIncrease(proportion(baseline), proportion(current), alpha, minDecided);
  if (!change) return null;
  return {
    level: change.significant ? 'rising' : 'steady',
    before: change.before,
    after: change.after,
    pValue: change.pValue,
  };
}

/** What identifies a version of what wrote the outputs: the model, or the prompt. */
export type VersionKind = 'model' | 'prompt';

export interface ModelChange {
  /** What changed: the model (`name:version`) or the prompt version. */
  kind: VersionKind;
  previous: string;
  next: string;
  /** What differs significantly, in words, with the figures. */
  changes: string[];
  figures: Record<string, number>;
}

/** The prompt version of an item as compared: `(none)` when the caller named none. */
export const NO_PROMPT_VERSION = '(none)';

const versionOf: Record<VersionKind, (i: TrafficItem) => string> = {
  model: (i) => i.model,
  prompt: (i) => i.promptVersion ?? NO_PROMPT_VERSION,
};

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/**
 * A model (name:version) that appears in the current window and not in the baseline, compared
 * with the baseline's main model: the human reject rate (one-sided two-proportion test at
 * `alpha`), and the PSI of the confidence, output length, output formality and language. Null
 * when there is no new model, too few items of it, or nothing differs.
 */
export function modelChange(
  baseline: TrafficItem[],
  current: TrafficItem[],
  minItems: number,
  alpha = 0.01,
): ModelChange | null {
  return versionChange('model', baseline, current, minItems, alpha);
}

/**
 * The same comparison for any version of what writes the outputs: `model`, or `prompt` (a new
 * prompt version against the baseline's main one; a first prompt version against traffic that
 * named none).
 */
export function versionChange(
  kind: VersionKind,
  baseline: TrafficItem[],
  current: TrafficItem[],
  minItems: number,
  alpha = 0.01,
): ModelChange | null {
  const key = versionOf[kind];
  const before = counts(baseline, key);
  const previous = Object.entries(before).sort((a, b) => b[1] - a[1])[0]?.[0];
  const newcomers = Object.entries(counts(current, key)).filter(
    ([m, n]) => !(m in before) && n >= minItems,
  );
  if (!previous || newcomers.length === 0) return null;
  const next = newcomers.sort((a, b) => b[1] - a[1])[0][0];
  const old = baseline.filter((i) => key(i) === previous);
  const fresh = current.filter((i) => key(i) === next);
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
  const measured = (items: TrafficItem[]) =>
    items.flatMap((i) => (typeof i.outputFormality === 'number' ? [i.outputFormality] : []));
  for (const s of featureStability(old, fresh, Math.min(minItems, 30))) {
    if (
      s.feature === 'route' ||
      s.feature.startsWith('signal.') ||
      s.level !== 'major' ||
      s.psi === null
    )
      continue;
    figures[`psi.${s.feature}`] = s.psi;
    const detail =
      s.feature === 'confidence'
        ? ` (mean ${mean(old.map((i) => i.confidence ?? 0)).toFixed(2)} → ${mean(fresh.map((i) => i.confidence ?? 0)).toFixed(2)})`
        : s.feature === 'outputLength'
          ? ` (mean ${Math.round(mean(old.map((i) => i.outputLength)))} → ${Math.round(mean(fresh.map((i) => i.outputLength)))} characters)`
          : s.feature === 'outputFormality'
            ? ` (mean ${mean(measured(old)).toFixed(2)} → ${mean(measured(fresh)).toFixed(2)}, 0 casual … 1 formal)`
            : '';
    changes.push(`${s.feature} shifted, PSI ${s.psi.toFixed(2)}${detail}`);
  }
  return changes.length ? { kind, previous, next, changes, figures } : null;
}
