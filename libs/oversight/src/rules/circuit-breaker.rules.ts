// The automation circuit breaker of one pipeline, as pure rules: given its status, the evidence
// and the settings, what its state becomes. The worker persists the status and acts on changes;
// docs/self-checking.md states the same rule in prose.

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerSettings {
  /** Trip when the share of overturned audits among the last `window` exceeds this. */
  maxOverrideRate: number;
  window: number;
  /** Audits needed in the window before the override rate is judged at all. */
  minSamples: number;
  /** How long the breaker stays open before it half-opens. */
  coolDownMs: number;
  /** Share of would-be automatic approvals allowed through while half-open. */
  halfOpenShare: number;
  /** Audits taken while half-open before it may close. */
  halfOpenAudits: number;
  /** Trip when the hard-gate failure share rises by more than this over its baseline (absolute). */
  maxGateFailureJump: number;
  /** Trip when the AI-review fault share rises by more than this over its baseline (absolute). */
  maxAiFaultJump: number;
  /** The length of the current window and of the baseline window just before it. */
  jumpWindowMs: number;
  /** Items needed in both the current and the baseline window before a jump is judged. */
  minRouted: number;
}

export interface ForcedBreaker {
  state: 'open' | 'closed';
  reason: string;
  by: string;
  at: number;
}

export interface BreakerStatus {
  state: BreakerState;
  /** When the current state began (ms since the epoch). */
  since: number;
  /** A lead's override: while present, the breaker stays in this state whatever the evidence. */
  forced?: ForcedBreaker;
}

/** `events` of `total` in a window, e.g. hard-gate failures among routed submissions. */
export interface RateWindow {
  events: number;
  total: number;
}

export interface BreakerEvidence {
  /** The most recent audits (at most `window` of them), oldest first, with when each was decided. */
  recentAudits: readonly { overturned: boolean; at: number }[];
  /** Scored outputs failing a hard gate (onFail reject or human), in the two windows. */
  gateFailures?: { current: RateWindow; baseline: RateWindow };
  /** AI-reviewer calls that faulted, in the two windows. */
  aiFaults?: { current: RateWindow; baseline: RateWindow };
}

export type BreakerCause =
  | 'override_rate'
  | 'gate_failures'
  | 'ai_faults'
  | 'cool_down'
  | 'clean_audits'
  | 'half_open_override'
  | 'forced'
  | 'released';

export interface BreakerTransition {
  from: BreakerState;
  to: BreakerState;
  cause: BreakerCause;
  /** The figures that triggered it, for the event, the alert and the pipeline's history. */
  figures: Record<string, number>;
  message: string;
}

export interface BreakerEvaluation {
  status: BreakerStatus;
  transition?: BreakerTransition;
}

const rate = (w: RateWindow): number => (w.total > 0 ? w.events / w.total : 0);
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The state the breaker should be in now, and the transition that got it there, if any. */
export function evaluateBreaker(
  status: BreakerStatus,
  evidence: BreakerEvidence,
  settings: BreakerSettings,
  now: number,
): BreakerEvaluation {
  if (status.forced) return { status };
  const move = (
    to: BreakerState,
    cause: BreakerCause,
    figures: Record<string, number>,
    message: string,
  ) => ({
    status: { state: to, since: now },
    transition: { from: status.state, to, cause, figures, message },
  });
  if (status.state === 'open') {
    if (now - status.since >= settings.coolDownMs)
      return move(
        'half_open',
        'cool_down',
        { openForMs: now - status.since },
        'cool-down over: half-open on a limited share',
      );
    return { status };
  }
  if (status.state === 'closed') {
    // A jump says the traffic changed; only a closed breaker trips on it. Half-open is judged on
    // its own audits, which are what shows whether automation is safe again.
    const jump = jumpTrip(evidence, settings);
    if (jump) return move('open', jump.cause, jump.figures, jump.message);
    const window = evidence.recentAudits.slice(-settings.window);
    const overturned = window.filter((a) => a.overturned).length;
    if (
      window.length >= settings.minSamples &&
      overturned / window.length > settings.maxOverrideRate
    )
      return move(
        'open',
        'override_rate',
        {
          audits: window.length,
          overturned,
          overrideRate: overturned / window.length,
          maxOverrideRate: settings.maxOverrideRate,
        },
        `audits overturned ${overturned} of the last ${window.length} automatic approvals (${pct(overturned / window.length)} > ${pct(settings.maxOverrideRate)})`,
      );
    return { status };
  }
  // Half-open: judged on the audits decided since it half-opened.
  const since = evidence.recentAudits.filter((a) => a.at >= status.since);
  const overturned = since.filter((a) => a.overturned).length;
  // More overturns than a clean half-open run could hold at the allowed rate: reopen at once.
  const allowed = Math.floor(settings.maxOverrideRate * settings.halfOpenAudits);
  if (overturned > allowed)
    return move(
      'open',
      'half_open_override',
      { audits: since.length, overturned, allowed },
      `${overturned} automatic approvals overturned while half-open (at most ${allowed} allowed)`,
    );
  if (since.length >= settings.halfOpenAudits)
    return move(
      'closed',
      'clean_audits',
      { audits: since.length, overturned },
      `${since.length} audits while half-open, ${overturned} overturned: closed`,
    );
  return { status };
}

function jumpTrip(
  evidence: BreakerEvidence,
  settings: BreakerSettings,
): { cause: BreakerCause; figures: Record<string, number>; message: string } | null {
  const checks = [
    {
      cause: 'gate_failures' as const,
      what: 'hard-gate failures',
      pair: evidence.gateFailures,
      max: settings.maxGateFailureJump,
    },
    {
      cause: 'ai_faults' as const,
      what: 'AI-review faults',
      pair: evidence.aiFaults,
      max: settings.maxAiFaultJump,
    },
  ];
  for (const { cause, what, pair, max } of checks) {
    if (
      !pair ||
      pair.current.total < settings.minRouted ||
      pair.baseline.total < settings.minRouted
    )
      continue;
    const current = rate(pair.current);
    const baseline = rate(pair.baseline);
    if (current - baseline > max)
      return {
        cause,
        figures: {
          current,
          baseline,
          jump: current - baseline,
          maxJump: max,
          items: pair.current.total,
          baselineItems: pair.baseline.total,
        },
        message: `${what} rose from ${pct(baseline)} (${pair.baseline.events} of ${pair.baseline.total}) to ${pct(current)} (${pair.current.events} of ${pair.current.total}), more than ${pct(max)} above the window before`,
      };
  }
  return null;
}

/** A lead forces the breaker open or closed; automatic evaluation stops until it is released. */
export function forceBreaker(status: BreakerStatus, forced: ForcedBreaker): BreakerEvaluation {
  const to: BreakerState = forced.state;
  return {
    status: { state: to, since: forced.at, forced },
    transition: {
      from: status.state,
      to,
      cause: 'forced',
      figures: {},
      message: `forced ${to} by ${forced.by}: ${forced.reason}`,
    },
  };
}

/** Ends a lead's override: the breaker keeps the forced state and is evaluated again from now. */
export function releaseBreaker(status: BreakerStatus, by: string, now: number): BreakerEvaluation {
  if (!status.forced) return { status };
  return {
    status: { state: status.state, since: now },
    transition: {
      from: status.state,
      to: status.state,
      cause: 'released',
      figures: {},
      message: `override released by ${by}`,
    },
  };
}

/**
 * Whether an output that would be auto-approved may be: always when closed, never when open,
 * and for a `halfOpenShare` of them (by the submission's deterministic draw) when half-open.
 */
export function breakerAllowsAutoApproval(
  state: BreakerState,
  draw: number,
  halfOpenShare: number,
): boolean {
  if (state === 'closed') return true;
  if (state === 'open') return false;
  return draw < halfOpenShare;
}
