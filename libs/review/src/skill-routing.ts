/**
 * Pure rules of routing by skill: which skills a task needs, and who may take it. No I/O, no Nest.
 */

/** What a task's job says about skills. */
export interface SkillTerms {
  /** Skills a reviewer needs to be offered the task (lower-case language codes). */
  requiredSkills?: string[];
  /** From then on (ISO instant) anyone of the queue may take it; absent or null: never. */
  skillFallbackAt?: string | null;
}

/** The primary language subtag, lower-cased (`th-TH` → `th`); null when there is none. */
export function primaryLanguage(language: unknown): string | null {
  if (typeof language !== 'string') return null;
  const primary = language.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/**
 * The skills a submission's task needs: its language when the policy lists it in
 * `review.skills`, else none (anyone of the queue reads it).
 */
export function requiredSkills(
  review: { skills?: string[] },
  input: Record<string, unknown> | null | undefined,
): string[] {
  const language = primaryLanguage(input?.language);
  return language && (review.skills ?? []).includes(language) ? [language] : [];
}

/** Whether a reviewer with these skills may take the task now, and whether only by the fallback. */
export function skillAccess(
  job: SkillTerms,
  reviewerSkills: readonly string[],
  now: Date,
): 'skilled' | 'fallback' | 'no' {
  const needed = job.requiredSkills ?? [];
  const own = new Set(reviewerSkills.map((s) => s.trim().toLowerCase()));
  if (needed.every((skill) => own.has(skill))) return 'skilled';
  if (job.skillFallbackAt && Date.parse(job.skillFallbackAt) <= now.getTime()) return 'fallback';
  return 'no';
}
