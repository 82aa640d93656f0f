// Population stability index (PSI) between a baseline window and the current one:
// Σ (cᵢ − bᵢ) · ln(cᵢ / bᵢ) over bins, with bᵢ, cᵢ the shares of each window in bin i.
// Common reading (credit-risk practice): < 0.1 stable, 0.1–0.25 a moderate shift, > 0.25 a
// major shift. Empty bins get a small floor so one empty bin does not make the index infinite.

export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;
const FLOOR = 1e-4;

/** PSI of a numeric feature; bins are the baseline's quantiles, so each holds ~1/bins of it. */
export function numericStability(
  baseline: readonly number[],
  current: readonly number[],
  bins = 10,
): number | null {
  if (baseline.length === 0 || current.length === 0) return null;
  const edges = quantileEdges(baseline, bins);
  return psi(histogram(baseline, edges), histogram(current, edges));
}

/** PSI of a categorical feature (e.g. the language mix) given counts per category. */
export function categoricalStability(
  baseline: Readonly<Record<string, number>>,
  current: Readonly<Record<string, number>>,
): number | null {
  const keys = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort();
  const b = keys.map((k) => baseline[k] ?? 0);
  const c = keys.map((k) => current[k] ?? 0);
  if (sum(b) === 0 || sum(c) === 0) return null;
  return psi(b, c);
}

function psi(baselineCounts: number[], currentCounts: number[]): number {
  const bTotal = sum(baselineCounts);
  const cTotal = sum(currentCounts);
  let index = 0;
  for (let i = 0; i < baselineCounts.length; i++) {
    const b = Math.max(baselineCounts[i] / bTotal, FLOOR);
    const c = Math.max(currentCounts[i] / cTotal, FLOOR);
    index += (c - b) * Math.log(c / b);
  }
  return index;
}

/**
 * Inner cut points between bins (distinct values only: ties never split across bins). When ties
 * leave fewer bins than asked (a feature with few distinct values, such as one repeated answer
 * length), the baseline's minimum and a point just above its maximum are cut points too: values
 * outside the baseline's range are then a shift, where they would otherwise share its last bin.
 */
function quantileEdges(values: readonly number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / bins))];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  if (edges.length >= bins - 1) return edges;
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const above = max + Math.max(1e-9, Math.abs(max) * 1e-9);
  return [...new Set([min, ...edges, above])].sort((a, b) => a - b);
}

/** Counts per bin; bin i holds values in [edges[i-1], edges[i]). */
function histogram(values: readonly number[], edges: number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v < edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return counts;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
