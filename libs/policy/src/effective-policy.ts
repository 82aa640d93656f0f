import type { Policy, PolicyProblem, PolicySignal } from './policy.types';

/**
 * What the scoring engine's fitted model knows, handed in by the caller: the policy lib knows
 * no engine (it stays pure), so the api and worker pass `scoringDefaults()` from @arbiter/scoring.
 */
export interface ScoringDefaults {
  /** Every signal the fitted model scores with, in a stable order. */
  signals: readonly string[];
  /** The fitted model's version, named in warnings. */
  model: string;
}

/**
 * The configuration a policy version is scored with, defaults filled in. A policy without
 * signals (no `signals:` section, or an empty one) scores with every signal the fitted model
 * knows at the model's own weights (policy weight 1): scoring with none would give every output
 * the same confidence, right or wrong. A policy that lists signals keeps exactly its list.
 */
export function effectivePolicy(policy: Policy, defaults: ScoringDefaults): Policy {
  if (Object.keys(policy.signals ?? {}).length > 0) return policy;
  const signals: Record<string, PolicySignal> = {};
  for (const name of defaults.signals) signals[name] = { weight: 1 };
  return { ...policy, signals };
}

/**
 * What a valid policy gives up, said when it is saved: each fitted signal a `signals:` list
 * leaves out or weighs 0 adds nothing to the confidence, so the model's evidence from it (a
 * wrong number, a contradiction) is ignored. A policy without `signals:` has no warnings.
 */
export function policyWarnings(policy: Policy, defaults: ScoringDefaults): PolicyProblem[] {
  const listed = policy.signals ?? {};
  if (Object.keys(listed).length === 0) return [];
  const warnings: PolicyProblem[] = [];
  const leftOut = defaults.signals.filter((s) => !(s in listed));
  if (leftOut.length)
    warnings.push({
      path: 'signals',
      message: `leaves out ${leftOut.join(', ')}, which the fitted model ${defaults.model} scores with; their evidence counts for nothing. List them, or remove signals: to use every fitted signal.`,
    });
  for (const [name, options] of Object.entries(listed))
    if (defaults.signals.includes(name) && options?.weight === 0)
      warnings.push({
        path: `signals.${name}.weight`,
        message: `is 0: ${name}'s evidence is shown but counts for nothing in the confidence.`,
      });
  return warnings;
}
