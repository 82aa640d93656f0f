// Summarises bench/node-compare.sh: for each bench and figure, the median of each side's runs
// and the ratio new/old (below 1 is faster for times, above 1 is faster for rates).
//   npx tsx bench/node-compare-report.ts [.bench/node-compare] [--all]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The figures worth a row, per bench (dotted paths into its JSON; `*` matches any key). */
const FIGURES: Record<string, string[]> = {
  scoring: ['single.p50ms', 'single.p99ms', 'throughput.perSecond'],
  'ai-review': ['embeddedLatency.p50ms', 'embeddedLatency.p99ms'],
  intake: [
    'phase1.routedPerSec',
    'raw.insertsPerSec',
    'raw.routedVsInsert',
    'phase1.cpuMsPerSubmission.api',
    'phase1.cpuMsPerSubmission.worker',
    'fixedRate.intakeLatencyMs.p99',
    'rss.apiPeakMb',
    'rss.workerPeakMb',
  ],
  review: [],
  delivery: [],
  stats: [],
};

type Json = Record<string, unknown>;

function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, number> = {},
): Record<string, number> {
  if (typeof value === 'number' && Number.isFinite(value)) out[prefix] = value;
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Json))
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function matches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`);
  return re.test(path);
}

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '.bench/node-compare';
const all = process.argv.includes('--all');
const runs: Record<string, Record<'old' | 'new', Record<string, number>[]>> = {};
const versions: Record<string, string> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const [bench, side] = file.split('.') as [string, 'old' | 'new'];
  let report: Json;
  try {
    report = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
  } catch {
    continue; // a failed run left no JSON; its .log says why
  }
  if (typeof report.node === 'string') versions[side] = report.node;
  (runs[bench] ??= { old: [], new: [] })[side].push(flatten(report));
}

const rows: string[] = [
  '| bench | figure | old (median) | new (median) | new / old | runs |',
  '|---|---|---|---|---|---|',
];
for (const [bench, sides] of Object.entries(runs)) {
  const paths = Object.keys(sides.old[0] ?? {}).filter((p) =>
    all ? true : (FIGURES[bench] ?? []).some((f) => matches(f, p)),
  );
  for (const path of paths) {
    const olds = sides.old.map((r) => r[path]).filter((x) => x !== undefined);
    const news = sides.new.map((r) => r[path]).filter((x) => x !== undefined);
    if (!olds.length || !news.length) continue;
    const o = median(olds);
    const n = median(news);
    const ratio = o === 0 ? '—' : (n / o).toFixed(2);
    rows.push(
      `| ${bench} | ${path} | ${+o.toFixed(3)} | ${+n.toFixed(3)} | ${ratio} | ${olds.length}+${news.length} |`,
    );
  }
}
console.log(`old = ${versions.old ?? '?'}, new = ${versions.new ?? '?'}`);
console.log(rows.join('\n'));
