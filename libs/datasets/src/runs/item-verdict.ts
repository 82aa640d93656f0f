import { tokenF1 } from './text-similarity';

/** What the pipeline's policy would do with a candidate output. */
export interface CandidateRoute {
  route: 'approved' | 'rejected' | 'ai_review' | 'human_review';
  confidence: number | null;
  reasons: string[];
}

export interface GoldenItem {
  verdict: 'approved' | 'rejected' | 'edited';
  output: { text?: string; json?: unknown };
  correctedOutput: { text?: string; json?: unknown } | null;
}

export interface ItemVerdict {
  passed: boolean;
  /** Overlap with the reference (approved or corrected output), or with the rejected output for a rejected item. */
  similarity: number;
  reason: string;
}

/** A candidate this close to an answer people rejected is that answer again. */
export const NEAR_COPY = 0.9;

/** The output as text (a JSON output serialised). */
export function outputText(output: { text?: string; json?: unknown } | null | undefined): string {
  if (!output) return '';
  return typeof output.text === 'string' ? output.text : JSON.stringify(output.json ?? '');
}

/**
 * Compares a candidate with the golden verdict. It fails when the policy would reject it; for an
 * approved or edited item it must overlap the reference (the corrected output when people edited
 * it) by at least `minSimilarity`; for a rejected item it must not repeat the rejected answer.
 */
export function judgeItem(
  item: GoldenItem,
  candidate: string,
  route: CandidateRoute,
  minSimilarity: number,
): ItemVerdict {
  if (item.verdict === 'rejected') {
    const similarity = tokenF1(candidate, outputText(item.output));
    if (route.route === 'rejected')
      return {
        passed: false,
        similarity,
        reason: `the policy rejects it: ${route.reasons.join('; ') || 'no reason given'}`,
      };
    if (similarity >= NEAR_COPY)
      return {
        passed: false,
        similarity,
        reason: `repeats the answer people rejected (overlap ${similarity.toFixed(2)})`,
      };
    return {
      passed: true,
      similarity,
      reason: `differs from the rejected answer (overlap ${similarity.toFixed(2)}) and the policy routes it to ${route.route}`,
    };
  }
  const reference = outputText(item.verdict === 'edited' ? item.correctedOutput : item.output);
  const similarity = tokenF1(candidate, reference);
  const what = item.verdict === 'edited' ? 'the corrected output' : 'the approved output';
  if (route.route === 'rejected')
    return {
      passed: false,
      similarity,
      reason: `the policy rejects it: ${route.reasons.join('; ') || 'no reason given'}`,
    };
  if (similarity < minSimilarity)
    return {
      passed: false,
      similarity,
      reason: `overlaps ${what} by ${similarity.toFixed(2)}, below ${minSimilarity}`,
    };
  return {
    passed: true,
    similarity,
    reason: `overlaps ${what} by ${similarity.toFixed(2)}; the policy routes it to ${route.route}`,
  };
}
