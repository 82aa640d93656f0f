/**
 * Runs legs of a measurement alternately off and on in ABBA order (off, on, on, off, off, on, …),
 * so that a drift of the machine's speed during the run falls on both sides equally, and returns
 * each side's median.
 */
export async function alternatingLegs(
  legs: number,
  measure: (on: boolean) => Promise<number>,
): Promise<{ off: number; on: number; legs: { on: boolean; value: number }[] }> {
  const results: { on: boolean; value: number }[] = [];
  for (let i = 0; i < Math.max(2, legs); i++) {
    const on = i % 4 === 1 || i % 4 === 2;
    results.push({ on, value: await measure(on) });
  }
  const median = (side: boolean): number => {
    const values = results
      .filter((r) => r.on === side)
      .map((r) => r.value)
      .sort((a, b) => a - b);
    const mid = Math.floor(values.length / 2);
    return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  };
  return { off: median(false), on: median(true), legs: results };
}
