// The self-checking loop, replayed: every item is routed by the current threshold and the
// breaker, people review what is routed to them and audit a sample of the automatic approvals
// (with a share of mistakes), the breaker is evaluated on every audit, and the threshold is
// re-proposed from the verdicts every `recalibrateEvery` of them. The rules are the product's
// own (libs/oversight); only the clock (one item a second) and the people are simulated.
import {
  breakerAllowsAutoApproval,
  evaluateBreaker,
  proposeThreshold,
  type BreakerSettings,
  type BreakerStatus,
  type BreakerTransition,
  type WeightedVerdict,
} from '../../libs/oversight/src';
import type { TrafficItem } from './traffic';

export interface LoopSettings {
  startThreshold: number;
  targetError: number;
  delta: number;
  qaRate: number;
  /** QA sample rate while the breaker is not closed. */
  qaRateTripped: number;
  reviewerMistakes: number;
  /**
   * Items between recalibrations: a schedule (say nightly), as a pipeline runs it. The breaker,
   * judged on every audit, is the fast guard between two recalibrations.
   */
  recalibrateEvery: number;
  /** Verdicts the threshold is proposed from (the most recent). */
  verdictWindow: number;
  breaker: BreakerSettings;
}

export interface ItemOutcome {
  index: number;
  file: string;
  autoApproved: boolean;
  acceptable: boolean;
  threshold: number;
  breaker: BreakerStatus['state'];
  /** Human verdicts taken so far (reviews and audits), this one included. */
  verdicts: number;
}

export interface LoopEvent {
  index: number;
  kind: 'breaker' | 'threshold';
  message: string;
  transition?: BreakerTransition;
}

export function simulateLoop(
  traffic: TrafficItem[],
  settings: LoopSettings,
  random: () => number,
): { outcomes: ItemOutcome[]; events: LoopEvent[] } {
  let threshold = settings.startThreshold;
  let breaker: BreakerStatus = { state: 'closed', since: 0 };
  const verdicts: WeightedVerdict[] = [];
  const audits: { overturned: boolean; at: number }[] = [];
  const outcomes: ItemOutcome[] = [];
  const events: LoopEvent[] = [];
  const judge = (acceptable: boolean) =>
    random() < settings.reviewerMistakes ? !acceptable : acceptable;

  traffic.forEach((item, index) => {
    const now = index * 1000;
    const wouldApprove = item.confidence >= threshold;
    const autoApproved =
      wouldApprove &&
      breakerAllowsAutoApproval(breaker.state, random(), settings.breaker.halfOpenShare);
    const qaRate = breaker.state === 'closed' ? settings.qaRate : settings.qaRateTripped;
    if (!autoApproved) {
      // Routed to people: every routed item gets a verdict, so its weight is 1.
      verdicts.push({ confidence: item.confidence, acceptable: judge(item.acceptable), weight: 1 });
    } else if (random() < qaRate) {
      const acceptable = judge(item.acceptable);
      verdicts.push({ confidence: item.confidence, acceptable, weight: 1 / qaRate });
      audits.push({ overturned: !acceptable, at: now });
    }
    // As the product judges it: only the audits since the breaker's current state began.
    const recent = audits.slice(
      -Math.max(settings.breaker.window, settings.breaker.halfOpenAudits * 2),
    );
    const evaluation = evaluateBreaker(
      breaker,
      { recentAudits: recent.filter((a) => a.at >= breaker.since) },
      settings.breaker,
      now,
    );
    breaker = evaluation.status;
    if (evaluation.transition)
      events.push({
        index,
        kind: 'breaker',
        message: evaluation.transition.message,
        transition: evaluation.transition,
      });
    if ((index + 1) % settings.recalibrateEvery === 0 && verdicts.length > 0) {
      const proposal = proposeThreshold(verdicts.slice(-settings.verdictWindow), settings);
      // No threshold within the target: approve nothing automatically until the verdicts say so.
      const next = proposal.threshold ?? Number.POSITIVE_INFINITY;
      if (next !== threshold)
        events.push({
          index,
          kind: 'threshold',
          message: `threshold ${threshold.toFixed(3)} → ${next.toFixed(3)}`,
        });
      threshold = next;
    }
    outcomes.push({
      index,
      file: item.file,
      autoApproved,
      acceptable: item.acceptable,
      threshold,
      breaker: breaker.state,
      verdicts: verdicts.length,
    });
  });
  return { outcomes, events };
}
