import { decideRoute, effectivePolicy, Policy, routeDrawsFor } from '@arbiter/policy';
import { scoreOutput, scoringDefaults, ScoringInput } from '@arbiter/scoring';
import { CandidateRoute } from './item-verdict';

/**
 * What the pipeline's policy would do with a candidate output for an item's input: the same
 * scoring and routing as the score stage. Validators that call a client's rule service are not
 * asked (a run must not reach the client's systems); the engine treats them as not passed, which
 * routes to people, never to an approval.
 */
export function routeCandidate(
  policy: Policy,
  input: ScoringInput['input'],
  text: string,
  drawId: string,
): CandidateRoute {
  try {
    const score = scoreOutput(
      { input, output: { text } },
      {
        signals: effectivePolicy(policy, scoringDefaults()).signals,
        validators: policy.validators,
        schemas: policy.schemas,
        engine: policy.scoring,
        external: new Map(),
      },
    );
    const decision = decideRoute(policy, score, routeDrawsFor(drawId));
    return {
      route: decision.route as CandidateRoute['route'],
      confidence: score.confidence,
      reasons: decision.reasons.map((r) => r.message),
    };
  } catch (error) {
    return {
      route: 'human_review',
      confidence: null,
      reasons: [`scoring failed: ${(error as Error).message}`],
    };
  }
}
