/**
 * The bound for "huge input" specs that guard against runaway matching (backtracking regular
 * expressions, quadratic scans): such a bug takes minutes, so a generous bound still catches it,
 * and a machine loaded by other work cannot fail the test. How fast the code is lives in bench/
 * (`npm run bench:scoring`), not in unit tests.
 */
export const RUNAWAY_MS = 30_000;
