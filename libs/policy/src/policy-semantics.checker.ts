import { preview } from './ajv-error.mapper';
import { parseDuration } from './duration.parser';
import type { PolicyProblem } from './policy.types';
import { NAME_PATTERN } from './policy.schema';
import { isRecord, joinPath } from './problem-path.formatter';

/** BullMQ's highest priority number (2^21); 1 is the most urgent. */
// BullMQ refuses priorities above 2^21 − 1 (2097151): a task at 2097152 could never be dispatched.
export const MAX_PRIORITY = 2_097_151;
/** The breaker's window when a policy leaves it out (docs/policy.md); minSamples must fit in it. */
export const DEFAULT_BREAKER_WINDOW = 200;
/** The longest SLA or TTL accepted; longer is almost certainly a unit mistake. */
export const MAX_DURATION_MS = 365 * 86_400_000;
export const MAX_CONSENSUS = 5;
/** The longest undo window accepted: the outcome waits that long before it goes out. */
export const MAX_UNDO_WINDOW_MS = 10 * 60_000;
/** The longest retention accepted: records kept for years are common, a century is a typo. */
export const MAX_RETENTION_MS = 10 * 365 * 86_400_000;

/**
 * Checks what the structural schema cannot: ranges, names, durations and cross-field rules.
 * Runs on documents that may still have type errors, so every check first looks at the type and
 * stays silent when it is wrong (the schema already reported it): each mistake is reported once.
 */
export function checkPolicySemantics(
  doc: Record<string, unknown>,
  pipelineKey?: string,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const report = (path: string, message: string): void => void problems.push({ path, message });
  const name = (path: string, value: unknown): void => {
    if (typeof value === 'string' && value !== '' && !NAME_PATTERN.test(value)) {
      report(
        path,
        `must be 1-63 lowercase letters, digits or "-", starting with a letter or digit (got ${preview(value)})`,
      );
    }
  };
  const unit = (path: string, value: unknown): void => {
    if (isFiniteNumber(value) && (value < 0 || value > 1))
      report(path, `must be between 0 and 1 (got ${value})`);
  };
  const intRange = (path: string, value: unknown, min: number, max: number): void => {
    if (Number.isInteger(value) && ((value as number) < min || (value as number) > max)) {
      report(path, `must be between ${min} and ${max} (got ${String(value)})`);
    }
  };
  const duration = (path: string, value: unknown, maxMs = MAX_DURATION_MS): void => {
    if (typeof value !== 'string' || value === '') return;
    const ms = parseDuration(value);
    if (ms === null)
      report(
        path,
        `is not a duration (got ${preview(value)}); write e.g. "30s", "30m", "2h", "1d" or "1h30m"`,
      );
    else if (ms <= 0) report(path, 'must be longer than zero');
    else if (ms > maxMs) report(path, `must be at most ${maxMs / 86_400_000}d`);
  };
  // Zero is allowed here (no undo); long holds would keep every outcome from its client.
  const undoWindow = (value: unknown): void => {
    if (typeof value !== 'string' || value === '') return;
    const ms = parseDuration(value);
    if (ms === null)
      report(
        'review.undoWindow',
        `is not a duration (got ${preview(value)}); write e.g. "15s", "1m" or "0" (no undo)`,
      );
    else if (ms > MAX_UNDO_WINDOW_MS)
      report('review.undoWindow', `must be at most ${MAX_UNDO_WINDOW_MS / 60_000}m`);
  };
  const nonNegative = (path: string, value: unknown): void => {
    if (isFiniteNumber(value) && value < 0) report(path, `must be 0 or more (got ${value})`);
  };
  const distinctStrings = (path: string, value: unknown): void => {
    if (!Array.isArray(value)) return;
    const seen = new Set<string>();
    value.forEach((item, i) => {
      if (typeof item !== 'string') return;
      if (item !== '' && item.trim() === '') report(joinPath(path, i), 'must not be blank');
      else if (seen.has(item)) report(joinPath(path, i), `repeats ${preview(item)}`);
      seen.add(item);
    });
  };

  name('pipeline', doc.pipeline);
  if (
    pipelineKey !== undefined &&
    typeof doc.pipeline === 'string' &&
    doc.pipeline !== pipelineKey
  ) {
    report(
      'pipeline',
      `must equal the pipeline key "${pipelineKey}" it is applied to (got ${preview(doc.pipeline)})`,
    );
  }
  duration('ttl', doc.ttl);
  if (isRecord(doc.retention)) duration('retention.raw', doc.retention.raw, MAX_RETENTION_MS);

  if (isRecord(doc.signals)) {
    for (const [signal, config] of Object.entries(doc.signals)) {
      if (isRecord(config))
        nonNegative(joinPath(joinPath('signals', signal), 'weight'), config.weight);
    }
  }

  const thresholds = doc.thresholds;
  if (isRecord(thresholds)) {
    unit('thresholds.autoApprove', thresholds.autoApprove);
    unit('thresholds.aiReview', thresholds.aiReview);
    const { autoApprove, aiReview } = thresholds;
    if (isFiniteNumber(autoApprove) && isFiniteNumber(aiReview) && aiReview > autoApprove) {
      report(
        'thresholds.aiReview',
        `must not be above thresholds.autoApprove (${aiReview} > ${autoApprove})`,
      );
    }
  }

  const ai = doc.aiReview;
  if (isRecord(ai)) {
    distinctStrings('aiReview.providers', ai.providers);
    distinctStrings('aiReview.regions', ai.regions);
    unit('aiReview.approveAt', ai.approveAt);
    nonNegative('aiReview.dailyBudgetUsd', ai.dailyBudgetUsd);
  }

  const review = doc.review;
  if (isRecord(review)) {
    name('review.queue', review.queue);
    name('review.escalateTo', review.escalateTo);
    intRange('review.priority', review.priority, 1, MAX_PRIORITY);
    intRange('review.consensus', review.consensus, 1, MAX_CONSENSUS);
    duration('review.sla', review.sla);
    duration('review.skillFallback', review.skillFallback);
    undoWindow(review.undoWindow);
    distinctStrings('review.skills', review.skills);
    if (Array.isArray(review.skills))
      review.skills.forEach((code, i) => {
        if (typeof code === 'string' && !/^[a-z]{2,3}$/.test(code))
          report(joinPath('review.skills', i), 'must be a lower-case language code such as "th"');
      });
    if (review.skillFallback !== undefined && !Array.isArray(review.skills))
      report('review.skillFallback', 'needs review.skills (the languages it is a fallback for)');
    if (typeof review.guidelines === 'string' && review.guidelines.trim() === '') {
      report('review.guidelines', 'must not be blank (leave it out to show no guidelines)');
    }
    if (review.onExpire === 'escalate' && review.escalateTo === undefined) {
      report('review.escalateTo', 'is required when review.onExpire is "escalate"');
    }
    const ownQueue = review.queue ?? doc.pipeline;
    if (typeof review.escalateTo === 'string' && review.escalateTo === ownQueue) {
      report('review.escalateTo', 'must name another queue than the one it escalates from');
    }
    if (Array.isArray(review.priorityRules)) {
      review.priorityRules.forEach((rule, i) => {
        if (!isRecord(rule)) return;
        const path = joinPath('review.priorityRules', i);
        intRange(joinPath(path, 'priority'), rule.priority, 1, MAX_PRIORITY);
        if (
          typeof rule.field === 'string' &&
          rule.field !== '' &&
          rule.field.split('.').some((part) => part.trim() === '')
        ) {
          report(
            joinPath(path, 'field'),
            `must be a dotted path like "customer.tier" (got ${preview(rule.field)})`,
          );
        }
      });
    }
    distinctStrings('review.reasonCodes', review.reasonCodes);
  }

  const qa = doc.qa;
  if (isRecord(qa)) {
    unit('qa.sampleAutoApproved', qa.sampleAutoApproved);
    unit('qa.sampleAiApproved', qa.sampleAiApproved);
    unit('qa.sampleWhileBreakerOpen', qa.sampleWhileBreakerOpen);
    name('qa.queue', qa.queue);
    intRange('qa.priority', qa.priority, 1, MAX_PRIORITY);
    if (qa.delta !== undefined && !(isFiniteNumber(qa.delta) && qa.delta > 0 && qa.delta < 1)) {
      report('qa.delta', `must be a number strictly between 0 and 1 (got ${preview(qa.delta)})`);
    }
  }
  const rollout = doc.rollout;
  if (isRecord(rollout)) {
    unit('rollout.autoApproveShare', rollout.autoApproveShare);
    intRange('rollout.minAudits', rollout.minAudits, 1, 1_000_000);
    if (
      rollout.targetError !== undefined &&
      !(isFiniteNumber(rollout.targetError) && rollout.targetError > 0 && rollout.targetError < 1)
    ) {
      report(
        'rollout.targetError',
        `must be a number strictly between 0 and 1 (got ${preview(rollout.targetError)})`,
      );
    }
    const steps: unknown = rollout.steps;
    if (Array.isArray(steps)) {
      if (rollout.autoApproveShare !== undefined) {
        report(
          'rollout.steps',
          'cannot be combined with rollout.autoApproveShare: the steps set the share',
        );
      }
      if (steps.length === 0) report('rollout.steps', 'needs at least one step');
      steps.forEach((step: unknown, i) => {
        const path = joinPath('rollout.steps', i);
        if (!(isFiniteNumber(step) && step > 0 && step <= 1)) {
          report(path, `must be a share above 0 and at most 1 (100 %) (got ${preview(step)})`);
        } else if (i > 0 && isFiniteNumber(steps[i - 1]) && step <= (steps[i - 1] as number)) {
          report(path, `must be above the step before it (${String(steps[i - 1])})`);
        }
      });
    } else if (rollout.minAudits !== undefined || rollout.targetError !== undefined) {
      report('rollout.steps', 'is required when rollout.minAudits or rollout.targetError is set');
    }
  }

  const recalibration = doc.recalibration;
  if (isRecord(recalibration)) {
    if (recalibration.every === undefined)
      report('recalibration.every', 'is required: how often a proposal is made (e.g. "1d")');
    duration('recalibration.every', recalibration.every);
    if (
      recalibration.targetError !== undefined &&
      !(
        isFiniteNumber(recalibration.targetError) &&
        recalibration.targetError > 0 &&
        recalibration.targetError < 1
      )
    ) {
      report(
        'recalibration.targetError',
        `must be a number strictly between 0 and 1 (got ${preview(recalibration.targetError)})`,
      );
    }
    if (
      recalibration.maxStep !== undefined &&
      !(
        isFiniteNumber(recalibration.maxStep) &&
        recalibration.maxStep > 0 &&
        recalibration.maxStep <= 1
      )
    ) {
      report(
        'recalibration.maxStep',
        `must be a number above 0 and at most 1 (got ${preview(recalibration.maxStep)})`,
      );
    }
    intRange('recalibration.minVerdicts', recalibration.minVerdicts, 1, 1_000_000);
  }

  const breaker = doc.breaker;
  if (isRecord(breaker)) {
    unit('breaker.maxOverrideRate', breaker.maxOverrideRate);
    intRange('breaker.window', breaker.window, 1, 1_000_000);
    intRange('breaker.minSamples', breaker.minSamples, 1, 1_000_000);
    duration('breaker.coolDown', breaker.coolDown);
    unit('breaker.halfOpenShare', breaker.halfOpenShare);
    intRange('breaker.halfOpenAudits', breaker.halfOpenAudits, 1, 1_000_000);
    for (const key of ['maxGateFailureJump', 'maxAiFaultJump'] as const) {
      const jump = breaker[key];
      if (jump !== undefined && isFiniteNumber(jump) && !(jump > 0 && jump <= 1))
        report(
          `breaker.${key}`,
          `must be a share above 0 and at most 1 (got ${preview(jump)}): the rise, in absolute terms, that trips the breaker`,
        );
    }
    duration('breaker.jumpWindow', breaker.jumpWindow);
    intRange('breaker.minRouted', breaker.minRouted, 1, 1_000_000);
    const judgesJumps =
      breaker.maxGateFailureJump !== undefined || breaker.maxAiFaultJump !== undefined;
    for (const key of ['jumpWindow', 'minRouted'] as const) {
      if (breaker[key] !== undefined && !judgesJumps)
        report(
          `breaker.${key}`,
          'has no effect without breaker.maxGateFailureJump or breaker.maxAiFaultJump',
        );
    }
    // A setting that can never act is refused, not silently kept: AI faults need an AI reviewer.
    if (breaker.maxAiFaultJump !== undefined && doc.aiReview === undefined)
      report(
        'breaker.maxAiFaultJump',
        'needs an aiReview section: without an AI reviewer there are no AI faults to judge',
      );
    const { minSamples } = breaker;
    const window = breaker.window ?? DEFAULT_BREAKER_WINDOW;
    // Only when both are in range: a bad window is reported once, not again through minSamples.
    if (
      Number.isInteger(window) &&
      Number.isInteger(minSamples) &&
      (window as number) >= 1 &&
      (minSamples as number) > (window as number)
    ) {
      report(
        'breaker.minSamples',
        `must not be above breaker.window (${String(minSamples)} > ${String(window)})`,
      );
    }
  }
  const alerts = doc.alerts;
  if (isRecord(alerts)) {
    for (const key of ['webhookUrl', 'slackUrl'] as const) {
      const url = alerts[key];
      if (typeof url === 'string' && url !== '' && !isHttpUrl(url))
        report(`alerts.${key}`, `must be an absolute http(s) URL (got ${preview(url)})`);
    }
  }
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
