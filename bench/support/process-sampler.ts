import { readdirSync, readFileSync } from 'node:fs';
import { round } from './bench-run';

/** One reading of a process: resident memory and open file descriptors (sockets, files, pipes). */
export interface ProcessSample {
  atS: number;
  rssMb: number;
  fds: number;
}

/** Resident set (VmRSS) and open descriptors of a live process, from /proc; null once it is gone. */
export function readProcess(pid: number): { rssMb: number; fds: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
    return { rssMb: round(kb / 1024, 1), fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return null;
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Least-squares slope of y over x (per unit of x); 0 with fewer than two points. */
function slope(points: [number, number][]): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/**
 * Growth of one process after warm-up. Start and end are medians of the first and last tenth of
 * the samples taken after warm-up (at least three each), so one garbage collection or one burst
 * of sockets does not decide the verdict; the slope over all of them shows a steady leak that
 * a short run's start-to-end difference would hide in noise.
 */
export function growthAfterWarmup(samples: ProcessSample[], warmupS: number) {
  const steady = samples.filter((s) => s.atS >= warmupS);
  const edge = Math.max(3, Math.ceil(steady.length / 10));
  const first = steady.slice(0, edge);
  const last = steady.slice(-edge);
  const rssStart = median(first.map((s) => s.rssMb));
  const rssEnd = median(last.map((s) => s.rssMb));
  const fdsStart = median(first.map((s) => s.fds));
  const fdsEnd = median(last.map((s) => s.fds));
  return {
    samplesAfterWarmup: steady.length,
    rssMb: { start: rssStart, end: rssEnd, peak: Math.max(...steady.map((s) => s.rssMb)) },
    rssGrowthPercent: round(((rssEnd - rssStart) / rssStart) * 100, 1),
    rssSlopeMbPerHour: round(slope(steady.map((s) => [s.atS / 3600, s.rssMb])), 1),
    openHandles: { start: fdsStart, end: fdsEnd, peak: Math.max(...steady.map((s) => s.fds)) },
    handleGrowth: fdsEnd - fdsStart,
    handleSlopePerHour: round(slope(steady.map((s) => [s.atS / 3600, s.fds])), 1),
  };
}
