import Ajv from 'ajv';
import { mapAjvErrors } from './ajv-error.mapper';
import { checkPolicySemantics } from './policy-semantics.checker';
import { POLICY_SCHEMA } from './policy.schema';
import type {
  Policy,
  PolicyDocument,
  PolicyProblem,
  PolicyScoringSection,
  PolicyValidation,
  ValidatePolicyOptions,
} from './policy.types';
import { isRecord } from './problem-path.formatter';
import { DEFAULT_REVIEW_PRIORITY } from './review-priority.resolver';

/** review.consensus when absent: one reviewer decides. */
export const DEFAULT_CONSENSUS = 1;

// strictNumbers: YAML can write .nan and .inf; they must fail as "not a finite number".
const ajv = new Ajv({
  allErrors: true,
  verbose: true,
  strict: true,
  allowUnionTypes: true,
  strictNumbers: true,
});
// Compiled once at load: compiling per call would cost milliseconds on every policy upload.
const validateStructure = ajv.compile<PolicyDocument>(POLICY_SCHEMA);

const SCORING_PATH = /^(signals|validators|schemas|scoring)(\.|\[|$)/;

/**
 * Validates a policy document and returns it with defaults filled in. Every problem is reported
 * at once, each with a dotted path. `policy` is present only when there are no problems.
 *
 * Defaults: `signals` {}, `validators` [], `review.queue` = the pipeline key, `review.priority` 5,
 * `review.consensus` 1, `review.onExpire` "escalate" when `escalateTo` is set, else "reject"
 * (an item nobody reviewed in time is never approved). `qa.sampleAutoApproved` (0) and
 * `rollout.autoApproveShare` (1) are left as written; decideRoute applies their defaults.
 */
export function validatePolicy(
  document: unknown,
  options: ValidatePolicyOptions = {},
): PolicyValidation {
  if (!isRecord(document)) {
    return {
      problems: [
        { path: '', message: 'the policy must be a map of fields (pipeline, thresholds, review…)' },
      ],
    };
  }
  const structural = validateStructure(document)
    ? []
    : mapAjvErrors(validateStructure.errors ?? [], document);
  const problems = [...structural, ...checkPolicySemantics(document, options.pipelineKey)];

  // The engine's checker expects well-typed input: only ask it when its part is well formed.
  if (options.checkScoring && !structural.some((p) => SCORING_PATH.test(p.path))) {
    problems.push(
      ...runScoringCheck(options.checkScoring, scoringSection(document as PolicyDocument)),
    );
  }
  if (problems.length > 0) return { problems: dedupe(problems) };
  return { policy: withDefaults(document as PolicyDocument), problems: [] };
}

function scoringSection(doc: PolicyDocument): PolicyScoringSection {
  return {
    signals: doc.signals ?? {},
    validators: doc.validators ?? [],
    ...(doc.schemas !== undefined ? { schemas: doc.schemas } : {}),
    ...(doc.scoring !== undefined ? { engine: doc.scoring } : {}),
  };
}

function runScoringCheck(
  check: NonNullable<ValidatePolicyOptions['checkScoring']>,
  section: PolicyScoringSection,
): PolicyProblem[] {
  try {
    return check(section);
  } catch (error: unknown) {
    // A policy upload must answer 4xx with a reason, never 500 (docs/architecture.md, "Rules that hold everywhere").
    const reason = error instanceof Error ? error.message : String(error);
    return [{ path: '', message: `the scoring engine could not check this policy: ${reason}` }];
  }
}

function withDefaults(document: PolicyDocument): Policy {
  // A deep copy: the caller's document stays untouched and the policy shares nothing with it.
  const doc = structuredClone(document);
  const review = doc.review ?? {};
  return {
    ...doc,
    signals: doc.signals ?? {},
    validators: doc.validators ?? [],
    review: {
      ...review,
      queue: review.queue ?? doc.pipeline,
      priority: review.priority ?? DEFAULT_REVIEW_PRIORITY,
      consensus: review.consensus ?? DEFAULT_CONSENSUS,
      onExpire: review.onExpire ?? (review.escalateTo !== undefined ? 'escalate' : 'reject'),
    },
  };
}

function dedupe(problems: PolicyProblem[]): PolicyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
