import type {
  Policy,
  RouteCap,
  RouteDecision,
  RouteDraws,
  RouteGate,
  RouteReason,
  RouteScore,
} from './policy.types';

/** Used when a policy has no `rollout.autoApproveShare`: every eligible item may auto-approve. */
export const DEFAULT_AUTO_APPROVE_SHARE = 1;
/** Used when a policy has no `qa.sampleAutoApproved`: no auto-approval is audited. */
export const DEFAULT_QA_SAMPLE = 0;

/**
 * The reason given beside the band's when the confidence came from a cap. Its message quotes the
 * output's words, so erasing a submission's text rewrites it (libs/retention).
 */
export const CAPPED_REASON_CODE = 'score.capped';

/**
 * The code of each reason an AI reviewer gave in its own words (libs/ai-review's outcome), which
 * may quote the output: erasing a submission's text rewrites these too.
 */
export const AI_REASON_CODE = 'ai.reason';

/**
 * Routes a scored submission by its policy: hard gates first (reject, then human), then the
 * confidence bands. Anything odd (NaN confidence, unknown onFail, NaN draw) goes to humans.
 */
export function decideRoute(policy: Policy, score: RouteScore, draws: RouteDraws): RouteDecision {
  const failed = score.gates.filter((gate) => gate.passed !== true);
  const flags = [
    ...new Set(failed.filter((g) => g.onFail === 'flag').map((g) => `flag:${g.type}`)),
  ];
  const base = { flags, qaSample: false };

  const rejecting = failed.filter((g) => g.onFail === 'reject');
  if (rejecting.length > 0) {
    return {
      ...base,
      route: 'rejected',
      decidedBy: 'policy',
      reasons: rejecting.flatMap(gateReasons),
    };
  }
  // Anything that is not a known soft outcome is treated as `human`: fail safe on bad data.
  const toHumans = failed.filter((g) => g.onFail !== 'flag');
  if (toHumans.length > 0) {
    return { ...base, route: 'human_review', reasons: toHumans.flatMap(gateReasons) };
  }

  const { confidence } = score;
  if (
    typeof confidence !== 'number' ||
    !Number.isFinite(confidence) ||
    confidence < 0 ||
    confidence > 1
  ) {
    return human(
      base,
      'confidence.invalid',
      `The confidence ${String(confidence)} is not a number in [0,1].`,
    );
  }
  const decision = byConfidence(policy, confidence, draws, base);
  // Every route the confidence chose says so when a cap set it: the signals alone would show a
  // well-grounded answer with a confidence near 0, unexplained.
  if (!score.cap?.causes.length) return decision;
  return { ...decision, reasons: [...decision.reasons, cappedReason(score.cap)] };
}

/** The confidence bands: auto-approval (within the rollout share), AI review, else people. */
function byConfidence(
  policy: Policy,
  confidence: number,
  draws: RouteDraws,
  base: Pick<RouteDecision, 'flags' | 'qaSample'>,
): RouteDecision {
  const { autoApprove, aiReview } = policy.thresholds;
  if (confidence >= autoApprove) {
    const share = policy.rollout?.autoApproveShare ?? DEFAULT_AUTO_APPROVE_SHARE;
    // Written as !(draw < share) so a NaN draw holds the item rather than approving it.
    if (!(draws.rollout < share)) {
      return human(
        base,
        'rollout.held',
        `Confidence ${fmt(confidence)} qualifies for auto-approval, but the gradual rollout lets only ${pct(share)} of items auto-approve.`,
      );
    }
    const sample = policy.qa?.sampleAutoApproved ?? DEFAULT_QA_SAMPLE;
    return {
      ...base,
      route: 'approved',
      decidedBy: 'auto',
      qaSample: draws.qa < sample,
      reasons: [
        {
          code: 'confidence.high',
          message: `Confidence ${fmt(confidence)} is at or above the auto-approve threshold ${fmt(autoApprove)}.`,
        },
      ],
    };
  }

  if (confidence >= aiReview) {
    const message = `Confidence ${fmt(confidence)} is between the AI-review threshold ${fmt(aiReview)} and the auto-approve threshold ${fmt(autoApprove)}`;
    if (policy.aiReview)
      return {
        ...base,
        route: 'ai_review',
        reasons: [{ code: 'band.doubtful', message: `${message}.` }],
      };
    return human(base, 'band.doubtful', `${message}, and this pipeline has no AI reviewer.`);
  }
  return human(
    base,
    'confidence.low',
    `Confidence ${fmt(confidence)} is below the AI-review threshold ${fmt(aiReview)}.`,
  );
}

/** E.g. `The model's confidence is capped at 0.03 … context: swapped ("120", "80"); opposite ("opens").` */
function cappedReason(cap: RouteCap): RouteReason {
  const words = new Map<string, Set<string>>();
  for (const { kind, text } of cap.causes)
    words.set(kind, (words.get(kind) ?? new Set()).add(text));
  const causes = [...words].map(
    ([kind, texts]) => `${kind} (${[...texts].map((t) => `"${t}"`).join(', ')})`,
  );
  return {
    code: CAPPED_REASON_CODE,
    message: `The model's confidence is capped at ${fmt(cap.at)} because the answer contradicts its context: ${causes.join('; ')}.`,
  };
}

function human(
  base: Pick<RouteDecision, 'flags' | 'qaSample'>,
  code: string,
  message: string,
): RouteDecision {
  return { ...base, route: 'human_review', reasons: [{ code, message }] };
}

/** A failed gate's findings, or one generic reason when the validator gave none. */
function gateReasons(gate: RouteGate): RouteReason[] {
  const findings = (gate.findings ?? []).map(({ code, message }) => ({ code, message }));
  if (findings.length > 0) return findings;
  return [{ code: `gate.${gate.type}`, message: `The ${gate.type} check failed.` }];
}

function fmt(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
