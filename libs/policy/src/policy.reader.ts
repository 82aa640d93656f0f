import { parsePolicyText } from './policy-text.parser';
import type { PolicyTextFormat, PolicyValidation, ValidatePolicyOptions } from './policy.types';
import { validatePolicy } from './policy.validator';

/** Parses and validates policy text in one step (the API's PUT and the pipelines-dir loader). */
export function readPolicy(
  text: string,
  format: PolicyTextFormat,
  options: ValidatePolicyOptions = {},
): PolicyValidation {
  const parsed = parsePolicyText(text, format);
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  return validatePolicy(parsed.document, options);
}
