/**
 * Pure rules of human review: consensus, edits and their diff. No I/O, no Nest.
 */

export type ReviewActionName = 'approve' | 'reject' | 'edit' | 'escalate';

export interface CastDecision {
  reviewerId: string;
  action: ReviewActionName;
  reasonCodes: string[];
  editedOutput?: { text?: string; json?: unknown } | null;
}

export type ConsensusState =
  | { state: 'waiting'; have: number; need: number }
  | {
      state: 'agreed';
      outcome: 'approved' | 'rejected';
      finalOutput?: { text?: string; json?: unknown };
      reasons: string[];
    }
  | { state: 'disagreed' };

/** Approve and edit agree with each other (both let the output go out); reject stands alone. */
function family(action: ReviewActionName): 'approved' | 'rejected' | 'escalate' {
  return action === 'reject' ? 'rejected' : action === 'escalate' ? 'escalate' : 'approved';
}

/**
 * Where a task stands after its decisions: waiting for more reviewers, agreed (all n distinct
 * reviewers in one family), or disagreed (which escalates). An edit's output wins over the
 * original; with several edits the latest one is sent.
 */
export function evaluateConsensus(decisions: CastDecision[], required: number): ConsensusState {
  const distinct = new Map(decisions.map((d) => [d.reviewerId, d]));
  const cast = [...distinct.values()].filter((d) => d.action !== 'escalate');
  const families = new Set(cast.map((d) => family(d.action)));
  if (families.size > 1) return { state: 'disagreed' };
  if (cast.length < required) return { state: 'waiting', have: cast.length, need: required };
  const outcome = family(cast[0].action) as 'approved' | 'rejected';
  const lastEdit = [...cast].reverse().find((d) => d.action === 'edit');
  return {
    state: 'agreed',
    outcome,
    finalOutput: lastEdit?.editedOutput ?? undefined,
    reasons: [...new Set(cast.flatMap((d) => d.reasonCodes))],
  };
}

/** Checks a decision against the policy's rules; returns the problems (empty when fine). */
export function checkDecision(
  input: {
    action: ReviewActionName;
    reasonCodes: string[];
    editedOutput?: { text?: string; json?: unknown } | null;
  },
  rules: {
    allowedReasonCodes?: string[];
    escalateTo?: string;
    isEscalationTask: boolean;
    isAuditTask?: boolean;
  },
): string[] {
  const problems: string[] = [];
  if (rules.isAuditTask && input.action === 'escalate') {
    // An audit judges an approval that already went out: agree (approve) or disagree (reject, edit).
    problems.push(
      'action: an audit task is approved (agree) or rejected or edited (disagree), not escalated',
    );
    return problems;
  }
  if (input.action === 'reject' && input.reasonCodes.length === 0) {
    problems.push('reasonCodes: a rejection needs at least one reason code');
  }
  if (rules.allowedReasonCodes?.length) {
    const unknown = input.reasonCodes.filter((c) => !rules.allowedReasonCodes!.includes(c));
    if (unknown.length) {
      problems.push(
        `reasonCodes: unknown code(s) ${unknown.join(', ')}; allowed: ${rules.allowedReasonCodes.join(', ')}`,
      );
    }
  }
  if (
    input.action === 'edit' &&
    input.editedOutput?.text === undefined &&
    input.editedOutput?.json === undefined
  ) {
    problems.push('editedOutput: an edit needs editedOutput.text or editedOutput.json');
  }
  if (input.action !== 'edit' && input.editedOutput) {
    problems.push('editedOutput: only an edit carries an edited output');
  }
  if (input.action === 'escalate' && (!rules.escalateTo || rules.isEscalationTask)) {
    problems.push(
      rules.isEscalationTask
        ? 'action: an escalated task cannot be escalated again; approve or reject it'
        : "action: this pipeline's policy has no review.escalateTo queue",
    );
  }
  return problems;
}
