/** Area under the ROC curve (Mann–Whitney, ties count half); labels 1 = positive. NaN if a class is absent. */
export function auroc(scores: number[], labels: (number | boolean)[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && scores[idx[j]] === scores[idx[i]]) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1..j
    for (let t = i; t < j; t++)
      if (pos1(labels[idx[t]])) {
        pos++;
        rankSum += avgRank;
      }
    i = j;
  }
  const neg = scores.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Expected calibration error over `bins` equal-width bins: Σ (|B|/n)·|acc(B) − conf(B)|. */
export function ece(probs: number[], labels: (number | boolean)[], bins = 10): number {
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const acc = new Array<number>(bins).fill(0);
  probs.forEach((p, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b]++;
    conf[b] += p;
    acc[b] += pos1(labels[i]) ? 1 : 0;
  });
  let total = 0;
  for (let b = 0; b < bins; b++)
    if (count[b])
      total += (count[b] / probs.length) * Math.abs(acc[b] / count[b] - conf[b] / count[b]);
  return total;
}

/** Brier score: mean squared difference between probability and outcome. */
export function brier(probs: number[], labels: (number | boolean)[]): number {
  if (!probs.length) return NaN;
  let s = 0;
  probs.forEach((p, i) => (s += (p - (pos1(labels[i]) ? 1 : 0)) ** 2));
  return s / probs.length;
}

function pos1(label: number | boolean): boolean {
  return label === true || label === 1;
}
