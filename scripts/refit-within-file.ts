// npx tsx scripts/refit-within-file.ts <file.jsonl>…
// What a pipeline's own labelled traffic could teach the shipped model, asked of each labelled
// file as if it were one pipeline's answers: grouped 5-fold within the file, the shipped model's
// logit as a fixed offset, and an L2 logistic refit on the same features learning only what it
// gets wrong (lambda pulls it back to the shipped model). Prints, per file and lambda, the
// out-of-fold AUROC and how many right answers rank above every wrong one (what could be
// approved with none wrong at any threshold). Aggregates only: safe on a blind set.
import { auroc, fitLogistic, logisticLogit, scoreOutput } from '../libs/scoring/src';
import {
  featureTable,
  fileLabel,
  groupedFolds,
  jsonlArgs,
  loadEval,
  SHIPPED_MODES,
  signalOutputs,
  toInput,
} from './scoring-data';

const FOLDS = 5;
const LAMBDAS = [0.003, 0.03, 0.3];

/** Right answers scored above the best-scored wrong one. */
function rightAboveEveryWrong(scores: number[], right: boolean[]): number {
  const top = Math.max(...scores.filter((_, i) => !right[i]));
  return scores.filter((s, i) => right[i] && s > top).length;
}

function main(): void {
  const files = jsonlArgs();
  if (!files.length) throw new Error('usage: refit-within-file.ts <file.jsonl>…');
  console.log('file: shipped AUROC (right above every wrong) | refit per lambda, out-of-fold');
  for (const file of files) {
    const records = loadEval(file);
    const right = records.map((r) => r.label === 'faithful');
    const labels = right.map(Number);
    const offsets = records.map((r) => scoreOutput(toInput(r), SHIPPED_MODES.default).logit ?? 0);
    const rows = featureTable(signalOutputs(records)).rows;
    const folds = groupedFolds(records, FOLDS);
    const cells = [
      `shipped ${auroc(offsets, labels).toFixed(3)} (${rightAboveEveryWrong(offsets, right)})`,
    ];
    for (const lambda of LAMBDAS) {
      const oof = new Array<number>(records.length).fill(0);
      for (let k = 0; k < FOLDS; k++) {
        const train = records.map((_, i) => i).filter((i) => folds[i] !== k);
        const fit = fitLogistic(
          train.map((i) => rows[i]),
          train.map((i) => labels[i]),
          lambda,
          undefined,
          train.map((i) => offsets[i]),
        );
        folds.forEach((f, i) => {
          if (f === k) oof[i] = offsets[i] + logisticLogit(fit, rows[i]);
        });
      }
      cells.push(
        `λ ${lambda} ${auroc(oof, labels).toFixed(3)} (${rightAboveEveryWrong(oof, right)})`,
      );
    }
    const n = `${right.filter(Boolean).length}/${right.filter((r) => !r).length}`;
    console.log(`${fileLabel(file)} (${n}): ${cells.join(' | ')}`);
  }
}

main();
