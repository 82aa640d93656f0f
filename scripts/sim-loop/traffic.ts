// The traffic of the loop simulation: labelled eval records, scored by the shipped engine and
// model as Arbiter would score them, in a seeded random order.
import { scoreOutput } from '../../libs/scoring/src';
import { FIT_SIGNALS, loadEval, toInput, type EvalRecord } from '../scoring-data';

export interface TrafficItem {
  id: string;
  file: string;
  confidence: number;
  /** The dataset's label: could this output go out as it is? */
  acceptable: boolean;
}

/** A small seeded generator (mulberry32): the same seed replays the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONFIG = { signals: Object.fromEntries(FIT_SIGNALS.map((s) => [s, { weight: 1 }])) };

/** Scores every record of the files once (the expensive part), labelled by its file. */
export function scoreFiles(dir: string, files: string[]): TrafficItem[] {
  return files.flatMap((file) =>
    loadEval(`${dir}/${file}.jsonl`).map((record: EvalRecord) => ({
      id: record.id,
      file,
      confidence: scoreOutput(toInput(record), { ...CONFIG, validators: [] }).confidence,
      acceptable: record.label === 'faithful',
    })),
  );
}

/** `count` items drawn from the pool in shuffled passes (a record repeats only after all others). */
export function stream(pool: TrafficItem[], count: number, random: () => number): TrafficItem[] {
  const out: TrafficItem[] = [];
  while (out.length < count) {
    const pass = [...pool];
    for (let i = pass.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pass[i], pass[j]] = [pass[j], pass[i]];
    }
    out.push(...pass.slice(0, count - out.length));
  }
  return out;
}
