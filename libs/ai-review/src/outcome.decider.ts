import { AI_REASON_CODE, type PolicyAiReview } from '@arbiter/policy';
import { Verdict } from './ai-review.types';

/** Used when a policy has no aiReview.approveAt. */
export const DEFAULT_APPROVE_AT = 0.9;

export interface AiRouteReason {
  code: string;
  message: string;
}

export interface AiRoute {
  route: 'approved' | 'rejected' | 'human_review';
  decidedBy?: 'ai';
  reasons: AiRouteReason[];
}

/**
 * Routes a reviewer's verdict by the policy: approve at or above approveAt → approved (ai);
 * reject at or above it → rejected or humans per onReject; anything else → humans. Pure.
 */
export function routeVerdict(section: PolicyAiReview, verdict: Verdict, provider: string): AiRoute {
  const approveAt = section.approveAt ?? DEFAULT_APPROVE_AT;
  const said = `${provider} says ${verdict.verdict} with confidence ${verdict.confidence}`;
  const aiReasons = verdict.reasons.map((message) => ({ code: AI_REASON_CODE, message }));
  // Written as !(x < y) would approve on NaN; a plain >= on a finite number cannot.
  const sure = Number.isFinite(verdict.confidence) && verdict.confidence >= approveAt;
  if (verdict.verdict === 'approve' && sure) {
    return {
      route: 'approved',
      decidedBy: 'ai',
      reasons: [
        { code: 'ai.approve', message: `${said} (approve at ${approveAt}).` },
        ...aiReasons,
      ],
    };
  }
  if (verdict.verdict === 'reject' && sure && section.onReject === 'reject') {
    return {
      route: 'rejected',
      decidedBy: 'ai',
      reasons: [{ code: 'ai.reject', message: `${said} (reject at ${approveAt}).` }, ...aiReasons],
    };
  }
  const code = verdict.verdict === 'reject' ? 'ai.reject' : 'ai.unsure';
  const why =
    verdict.verdict === 'reject' ? 'rejections go to people' : `below ${approveAt} or undecided`;
  return { route: 'human_review', reasons: [{ code, message: `${said}; ${why}.` }, ...aiReasons] };
}

/** Every fault sends the item to people with the reason; nothing is approved because something failed. */
export function routeFault(code: string, message: string): AiRoute {
  return { route: 'human_review', reasons: [{ code, message }] };
}
