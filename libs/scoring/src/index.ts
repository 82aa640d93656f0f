export * from './scoring.types';
export { scoreOutput, computeSignals, ScoringConfigError } from './engine/score-output';
export { validateScoringConfig } from './engine/config-validation';
export type { ConfigProblem, SignalOutput } from './engine/engine.types';
export type { WeighedInput } from './engine/combiner';
export { KNOWN_SIGNALS, KNOWN_VALIDATORS, KNOWN_EXTERNAL_VALIDATORS } from './engine/known-names';
export { DEFAULT_MODEL } from './model/default-model';
export { SHORT_ANSWER_MODEL } from './model/short-answer-model';
export { isShortAnswerInput } from './engine/short-answer-regime';
export { scoringDefaults } from './model/model-signals';
export { outputFormality } from './gates/tone/tone.gate';
export { lemma, hasSynonymIn } from './lexicon/lexicon';
export { isContent } from './text/stopwords.util';
export {
  applyCalibration,
  probabilityLogit,
  recalibrate,
  sigmoid,
} from './calibration/apply.calibration';
export { fitPlatt } from './calibration/platt.calibration';
export { fitIsotonic } from './calibration/isotonic.calibration';
export { fitLogistic, logisticLogit, type LogisticFit } from './calibration/logistic.calibration';
export {
  chooseThreshold,
  minimumApprovals,
  type ChooseThresholdInput,
  type ChooseThresholdResult,
} from './calibration/threshold.calibration';
export { clopperPearsonUpper, betaInv, betaCdf } from './calibration/beta.calibration';
export { auroc, ece, brier } from './calibration/metrics.calibration';
export {
  webhookRules,
  webhookRequestData,
  parseWebhookAnswer,
  WEBHOOK_DEFAULTS,
  type ExternalOutcome,
  type WebhookRules,
} from './gates/webhook/webhook.gate';
