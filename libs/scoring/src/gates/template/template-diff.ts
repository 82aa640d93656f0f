/** How much of a template's fixed text an output follows, and which runs of it are missing. */
export interface TemplateDiff {
  /** Share of the template's fixed tokens found in the output, in order (0–1). */
  coverage: number;
  /** Runs of consecutive fixed tokens that the output lacks, in template order. */
  missing: string[][];
}

/** Whether every token of `needle` occurs in `hay` in order (greedy is exact for this). */
export function isSubsequence(needle: string[], hay: string[]): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

// The DP table is (fixed + 1) × (output + 1) 16-bit cells: cap both sides so one huge output
// cannot allocate much (4000 × 4000 × 2 bytes = 32 MB would be too much; 1500² ≈ 4.5 MB).
const MAX_TOKENS = 1500;

/** Longest common subsequence of the template's fixed tokens and the output's tokens. */
export function diffTemplate(fixed: string[], output: string[]): TemplateDiff {
  const a = fixed.slice(0, MAX_TOKENS);
  // Output words the template never uses cannot be part of the common subsequence: dropping them
  // leaves the result unchanged and shrinks the table (a 2 KB answer to a short letter: ~10x).
  const vocabulary = new Set(a);
  const b = output.filter((t) => vocabulary.has(t)).slice(0, MAX_TOKENS);
  const n = a.length;
  const m = b.length;
  if (n === 0) return { coverage: 1, missing: [] };
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i * w + j] =
        a[i] === b[j]
          ? dp[(i + 1) * w + j + 1] + 1
          : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
  const missing: string[][] = [];
  let run: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n) {
    if (j < m && a[i] === b[j]) {
      if (run.length) missing.push(run);
      run = [];
      i++;
      j++;
    } else if (j < m && dp[i * w + j + 1] >= dp[(i + 1) * w + j]) j++;
    else run.push(a[i++]);
  }
  if (run.length) missing.push(run);
  return { coverage: dp[0] / fixed.length, missing };
}
