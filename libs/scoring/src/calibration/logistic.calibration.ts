export interface LogisticFit {
  bias: number;
  /** Weights on standardised features: contribution = w · (x − mean) / scale. */
  weights: number[];
  mean: number[];
  scale: number[];
}

/**
 * Fits an L2-regularised logistic regression by Newton–Raphson (IRLS) on standardised
 * features. `lambda` penalises the weights (not the bias) per observation; small d (< 50), so
 * a dense Hessian solve is fine and the result is deterministic. `offsets`, when given, is a
 * fixed logit per row that the fit adds to (another model's logit): the weights then learn what
 * that model gets wrong, and `lambda` pulls the sum towards it rather than towards 0; the
 * returned fit's logit leaves the offset out.
 */
export function fitLogistic(
  rows: number[][],
  labels: (number | boolean)[],
  lambda = 1e-2,
  sampleWeights?: number[],
  offsets?: number[],
): LogisticFit {
  const n = rows.length;
  const d = n ? rows[0].length : 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / n;
  for (const r of rows) for (let j = 0; j < d; j++) scale[j] += (r[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  const z = rows.map((r) => r.map((v, j) => (v - mean[j]) / scale[j]));
  const y = labels.map((l) => (l === true || l === 1 ? 1 : 0));
  const sw = sampleWeights ?? new Array<number>(n).fill(1);
  const totalW = sw.reduce((a, b) => a + b, 0);
  const beta = new Array<number>(d + 1).fill(0); // beta[0] = bias
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      let eta = (offsets?.[i] ?? 0) + beta[0];
      for (let j = 0; j < d; j++) eta += beta[j + 1] * z[i][j];
      const p = 1 / (1 + Math.exp(-eta));
      const g = sw[i] * (p - y[i]);
      const w = sw[i] * Math.max(p * (1 - p), 1e-9);
      grad[0] += g;
      for (let j = 0; j < d; j++) grad[j + 1] += g * z[i][j];
      for (let a = 0; a <= d; a++) {
        const xa = a === 0 ? 1 : z[i][a - 1];
        for (let b = a; b <= d; b++) hess[a][b] += w * xa * (b === 0 ? 1 : z[i][b - 1]);
      }
    }
    for (let a = 0; a <= d; a++) for (let b = 0; b < a; b++) hess[a][b] = hess[b][a];
    for (let j = 1; j <= d; j++) {
      grad[j] += lambda * totalW * beta[j];
      hess[j][j] += lambda * totalW;
    }
    const step = solve(hess, grad);
    let maxStep = 0;
    for (let j = 0; j <= d; j++) {
      beta[j] -= step[j];
      maxStep = Math.max(maxStep, Math.abs(step[j]));
    }
    if (maxStep < 1e-9) break;
  }
  return { bias: beta[0], weights: beta.slice(1), mean, scale };
}

/** The logit of a fitted model for one feature row. */
export function logisticLogit(fit: LogisticFit, row: number[]): number {
  let eta = fit.bias;
  for (let j = 0; j < row.length; j++)
    eta += (fit.weights[j] * (row[j] - fit.mean[j])) / fit.scale[j];
  return eta;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    [m[col], m[piv]] = [m[piv], m[col]];
    const div = m[col][col] || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / div;
      if (f !== 0) for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}
