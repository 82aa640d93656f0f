// Univariate AUROC of every feature per eval file: npx tsx scripts/scoring-features-report.ts <file.jsonl>…
// A diagnostic for choosing features; it fits nothing.
import { auroc } from '../libs/scoring/src';
import { featureTable, fileLabel, loadEval, signalOutputs } from './scoring-data';

for (const file of process.argv.slice(2)) {
  const records = loadEval(file);
  const labels = records.map((r) => (r.label === 'faithful' ? 1 : 0));
  const table = featureTable(signalOutputs(records));
  const report = table.names.map((name, j) => {
    const col = table.rows.map((r) => r[j]);
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    return `${name.padEnd(32)} auroc=${auroc(col, labels).toFixed(3)} mean=${mean.toFixed(3)}`;
  });
  console.log(`== ${fileLabel(file)} (${records.length})\n${report.join('\n')}`);
}
