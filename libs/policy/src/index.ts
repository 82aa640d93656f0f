export * from './policy.types';
export { NAME_PATTERN } from './policy.schema';
export { parsePolicyText, parseLocatedPolicyText } from './policy-text.parser';
export { policyTextLocator } from './problem.locator';
export { validatePolicy, DEFAULT_CONSENSUS } from './policy.validator';
export { readPolicy } from './policy.reader';
export {
  MAX_PRIORITY,
  MAX_DURATION_MS,
  MAX_CONSENSUS,
  DEFAULT_BREAKER_WINDOW,
  MAX_UNDO_WINDOW_MS,
} from './policy-semantics.checker';
export { parseDuration } from './duration.parser';
export { undoWindowMs, DEFAULT_UNDO_WINDOW } from './undo-window.resolver';
export { drawFor, routeDrawsFor, DRAW_SALTS } from './draw.hasher';
export { chooseVersion } from './version.chooser';
export {
  decideRoute,
  AI_REASON_CODE,
  CAPPED_REASON_CODE,
  DEFAULT_AUTO_APPROVE_SHARE,
  DEFAULT_QA_SAMPLE,
} from './route.decider';
export { reviewPriority, DEFAULT_REVIEW_PRIORITY } from './review-priority.resolver';
export { effectivePolicy, policyWarnings, type ScoringDefaults } from './effective-policy';
