import { featureTable, loadEval, signalOutputs, groupKey } from './scripts/scoring-data';
const recs = loadEval('../shared/eval/summedits-dev.jsonl');
const t = featureTable(signalOutputs(recs, ['grounding', 'numbers', 'entities', 'contradiction']));
const groups = recs.map(groupKey);
t.names.forEach((name, j) => {
  let good = 0, tot = 0;
  for (let a = 0; a < recs.length; a++) for (let b = a + 1; b < recs.length && groups[b] === groups[a]; b++) {
    if (recs[a].label === recs[b].label) continue;
    const [f, h] = recs[a].label === 'faithful' ? [a, b] : [b, a];
    tot++; const d = t.rows[f][j] - t.rows[h][j]; good += d > 0 ? 1 : d === 0 ? 0.5 : 0;
  }
  console.log(name.padEnd(30), (good / tot).toFixed(3), tot);
});
