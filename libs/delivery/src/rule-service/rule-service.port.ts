import type { ExternalOutcome, ScoringInput, ValidatorConfig } from '@arbiter/scoring';

/** One output to put to a client's rule service (a `webhook` validator entry). */
export interface RuleServiceRequest {
  clientId: string;
  submissionId: string;
  pipeline: string;
  validator: ValidatorConfig;
  input: ScoringInput;
}

/** The client's own rule service, as the score stage sees it: never throws, a fault is an outcome. */
export interface RuleServicePort {
  evaluate(request: RuleServiceRequest): Promise<ExternalOutcome>;
}

/** Nest token of the RuleServicePort implementation. */
export const RULE_SERVICE = Symbol('RULE_SERVICE');
