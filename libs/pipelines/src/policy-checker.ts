import {
  effectivePolicy,
  parsePolicyText,
  Policy,
  PolicyProblem,
  policyWarnings,
  validatePolicy,
} from '@arbiter/policy';
import { scoringDefaults, validateScoringConfig } from '@arbiter/scoring';
import { PROMPT_VERSIONS } from '@arbiter/ai-review';
import { createHash } from 'node:crypto';
import { findUnsafeText } from '@arbiter/contracts';

/** A policy body as it arrived: YAML text, JSON text, or an already parsed JSON object. */
export type PolicyBody =
  { format: 'yaml' | 'json'; text: string } | { format: 'object'; value: unknown };

/**
 * Validates a policy, including the scoring engine's knowledge of signal and validator names and
 * the AI reviewer's of its prompt versions (an unknown one would fail every AI review).
 */
export function checkPolicy(
  body: PolicyBody,
  pipelineKey: string,
): { policy?: Policy; problems: PolicyProblem[] } {
  const checked = validateBody(body, pipelineKey);
  const version = checked.policy?.aiReview?.promptVersion;
  if (version === undefined || PROMPT_VERSIONS.includes(version)) return checked;
  // Like the validator's: a policy only when there is no problem.
  return {
    problems: [
      {
        path: 'aiReview.promptVersion',
        message: `"${version}" is not a reviewer prompt version (known: ${PROMPT_VERSIONS.join(', ')})`,
      },
    ],
  };
}

function validateBody(
  body: PolicyBody,
  pipelineKey: string,
): { policy?: Policy; problems: PolicyProblem[] } {
  const options = { pipelineKey, checkScoring: validateScoringConfig };
  if (body.format === 'object') return validatePolicy(body.value, options);
  const parsed = parsePolicyText(body.text, body.format);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  // A JSON body was checked as it arrived; text is only a document now ("\0" in YAML is a NUL).
  const unsafe = findUnsafeText(parsed.document);
  return unsafe ? { problems: [unsafe] } : validatePolicy(parsed.document, options);
}

/** A stored policy version as it is scored (defaults filled in) and what it gives up (warnings). */
export function effectiveView(document: Record<string, unknown>): {
  effective: Record<string, unknown>;
  warnings: PolicyProblem[];
} {
  const policy = document as unknown as Policy;
  const defaults = scoringDefaults();
  return {
    effective: effectivePolicy(policy, defaults) as unknown as Record<string, unknown>,
    warnings: policyWarnings(policy, defaults),
  };
}

/** JSON with object keys sorted, so equal documents give equal checksums. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function policyChecksum(policy: Policy): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex');
}
