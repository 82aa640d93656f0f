import type { Policy } from './policy.types';

/** Used when a policy's review section has no priority (BullMQ: lower number = more urgent). */
export const DEFAULT_REVIEW_PRIORITY = 5;

/**
 * The BullMQ priority of a submission's human-review task (lower number = more urgent, 1 is the
 * most urgent): the first `review.priorityRules` entry whose metadata field equals its value
 * (strict equality, so "1" does not match 1), else `review.priority`.
 */
export function reviewPriority(
  policy: Policy,
  metadata: Record<string, unknown> | undefined,
): number {
  const review = policy.review;
  for (const rule of review.priorityRules ?? []) {
    if (metadata !== undefined && readPath(metadata, rule.field) === rule.equals)
      return rule.priority;
  }
  return review.priority ?? DEFAULT_REVIEW_PRIORITY;
}

/** Reads a dotted path of own properties only, so "constructor" or "__proto__" never match. */
function readPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
