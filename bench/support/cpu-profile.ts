import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  /** Share of the sampled time the process was not idle (100 = one core saturated). */
  busyPct: number;
  /** Share of non-idle time, by package (node_modules/<pkg>), Arbiter folder, node internals or VM. */
  byArea: { area: string; pct: number }[];
  /** Functions with the most self time, as a share of non-idle time. */
  topSelf: { fn: string; at: string; pct: number }[];
  /** Inclusive time (self + callees) of named functions worth watching. */
  inclusive: { fn: string; pct: number }[];
}

function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/(?:dist\/|\.bench\/[^/]+\/dist\/)?((?:apps|libs)\/[^/]+)/.exec(url);
  if (own) return `arbiter:${own[1]}`;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  return url;
}

function shortUrl(url: string, line: number): string {
  const trimmed = url
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/(dist|\.bench\/[^/]+\/dist)\//, '')
    .replace(/^file:\/\//, '');
  return trimmed ? `${trimmed}:${line + 1}` : '';
}

function pct(part: number, whole: number): number {
  return Math.round((1000 * part) / whole) / 10;
}

/** Reads a .cpuprofile and ranks where the (non-idle) CPU time went. */
export function summariseProfile(file: string, watch: string[] = [], top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );

  let busy = 0;
  let total = 0;
  const areas = new Map<string, number>();
  const fns = new Map<string, { fn: string; at: string; us: number }>();
  const incl = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += us;
    if (functionName === '(idle)') continue;
    busy += us;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = fns.get(key) ?? {
      fn: functionName || '(anonymous)',
      at: shortUrl(url, lineNumber),
      us: 0,
    };
    entry.us += us;
    fns.set(key, entry);
    // Inclusive time: charge each watched function once per stack it appears on.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (watch.includes(name) && !seen.has(name)) {
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + us);
      }
    }
  }
  return {
    sampledMs: Math.round(total / 1000),
    busyPct: pct(busy, total),
    byArea: [...areas]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([area, us]) => ({ area, pct: pct(us, busy) })),
    topSelf: [...fns.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ fn: f.fn, at: f.at, pct: pct(f.us, busy) })),
    inclusive: watch.map((fn) => ({ fn, pct: pct(incl.get(fn) ?? 0, busy) })),
  };
}
