export interface DiffPart {
  op: 'same' | 'add' | 'remove';
  text: string;
}

// Beyond this many cells the LCS table costs more than the diff is worth: show a plain replace.
const MAX_CELLS = 2_000_000;

/**
 * Word-level diff (whitespace kept with the words): the one the review desk shows while a
 * reviewer edits and the one stored with the decision, so both always agree. Pure, no imports:
 * the web app bundles it (`@arbiter/contracts/word-diff`).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.match(/\s*\S+|\s+$/g) ?? [];
  const b = after.match(/\s*\S+|\s+$/g) ?? [];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, head).join(''));
  if (midA.length * midB.length > MAX_CELLS) {
    push('remove', midA.join(''));
    push('add', midB.join(''));
  } else {
    for (const part of lcsDiff(midA, midB)) push(part.op, part.text);
  }
  push('same', a.slice(a.length - tail).join(''));
  return parts;
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (
      i < a.length &&
      (j === b.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)
    ) {
      out.push({ op: 'remove', text: a[i++]! });
    } else {
      out.push({ op: 'add', text: b[j++]! });
    }
  }
  return out;
}
