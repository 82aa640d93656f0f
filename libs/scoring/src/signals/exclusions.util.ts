import type { Token } from '../text/tokens.util';

// Words that carve an exception out of a claim ("Items other than sale items can be returned",
// "…, except sale items", "semua barang kecuali barang jualan"): a "not" by another name, with a
// reach no negator rule reads, so a stretch holding one is left unjudged by the negation checks.
// Before a condition ("kecuali jika", "maliban kung": "except if") it turns the condition
// instead, which figure-claim-negation.util reads.
const EXCLUSIONS = new Set([
  'except',
  'excluding',
  'besides',
  'kecuali',
  'selain',
  'maliban',
  'bukod',
]);
const EXCLUDING_PAIRS = new Set(['other than', 'apart from', 'aside from', 'rather than']);

/** Words that open a condition: after an exclusion word, they make it "except if". */
export const CONDITIONS: ReadonlySet<string> = new Set([
  'if',
  'when',
  'kalau',
  'jika',
  'apabila',
  'kung',
  'kapag',
]);

/** Whether the tokens carve out an exception (not an "except if", which turns a condition). */
export function excludes(tokens: readonly Token[]): boolean {
  return tokens.some(
    (t, i) =>
      (EXCLUSIONS.has(t.norm) && !CONDITIONS.has(tokens[i + 1]?.norm ?? '')) ||
      (i > 0 && EXCLUDING_PAIRS.has(`${tokens[i - 1].norm} ${t.norm}`)),
  );
}
