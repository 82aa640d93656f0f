import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { lineColumn } from './policy-text.parser';
import type { LocatedPolicyProblem, PolicyProblem } from './policy.types';

type Segment = string | number;

// `name`, `.name`, `[2]` or `["odd key"]`: the shapes joinPath writes (problem-path.formatter.ts).
const SEGMENT = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/y;

/** The keys and indexes of a dotted problem path; null when it is not one joinPath wrote. */
export function pathSegments(path: string): Segment[] | null {
  const segments: Segment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const match = SEGMENT.exec(path);
    if (!match) return null;
    const [, index, quoted, plain] = match;
    segments.push(
      index !== undefined ? Number(index) : quoted ? String(JSON.parse(quoted)) : plain,
    );
  }
  return segments;
}

/**
 * Places problems in the policy text they were found in: at the key the path names, or at the
 * deepest part of the path the text has (a missing `thresholds.aiReview` points at
 * `thresholds:`). JSON text is read as YAML, which it is, so one walk serves both. Problems
 * with no path, or text that does not parse, get no place (null).
 */
export function policyTextLocator(text: string): (problem: PolicyProblem) => LocatedPolicyProblem {
  let root: Node | null = null;
  try {
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    root = doc.errors.length === 0 ? (doc.contents as Node | null) : null;
  } catch {
    // Too deep for the parser: parsePolicyText has already said so; nothing can be placed.
  }
  return (problem) => {
    const segments = root && problem.path ? pathSegments(problem.path) : null;
    const offset = segments ? deepestOffset(root as Node, segments) : null;
    const place = offset === null ? { line: null, column: null } : lineColumn(text, offset);
    return { path: problem.path, message: problem.message, ...place };
  };
}

/** Offset of the key (or list item) furthest along the path that the text has; null for none. */
function deepestOffset(root: Node, segments: Segment[]): number | null {
  let node: unknown = root;
  let offset: number | null = null;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset;
}
