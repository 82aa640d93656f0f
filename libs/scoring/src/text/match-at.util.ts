/**
 * Runs `re` (which must be sticky) at each candidate start in turn, skipping starts inside the
 * previous match: the same matches as a global exec loop over the whole text, provided every
 * place the regex can match is a candidate and the regex cannot match the empty string.
 * A regex that tries a long alternation at every position of a 20 KB text costs far more
 * than one cheap pass that finds where it can start.
 */
export function eachMatchAt(
  re: RegExp,
  text: string,
  starts: readonly number[],
  found: (m: RegExpExecArray) => void,
): void {
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (m === null) continue;
    end = start + m[0].length;
    found(m);
  }
  re.lastIndex = 0;
}
