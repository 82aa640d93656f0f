/**
 * The submission state machine (docs/architecture.md), as data. Pure: no Nest, no I/O.
 * Final states never change; every other state may expire.
 */
export const SUBMISSION_STATUSES = [
  'received',
  'scoring',
  'approved',
  'rejected',
  'ai_review',
  'human_review',
  'expired',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const FINAL_STATUSES: readonly SubmissionStatus[] = ['approved', 'rejected', 'expired'];

const NEXT: Record<SubmissionStatus, readonly SubmissionStatus[]> = {
  received: ['scoring', 'expired'],
  scoring: ['approved', 'rejected', 'ai_review', 'human_review', 'expired'],
  ai_review: ['approved', 'rejected', 'human_review', 'expired'],
  human_review: ['approved', 'rejected', 'expired'],
  approved: [],
  rejected: [],
  expired: [],
};

/** Who made a final decision. */
export type DecidedBy = 'policy' | 'auto' | 'ai' | 'human';

/** A transition that the state machine does not allow. */
export class InvalidTransition extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`Transition ${from} → ${to} is not allowed`);
    this.name = 'InvalidTransition';
  }
}

export function isSubmissionStatus(value: string): value is SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(value);
}

/** True for approved, rejected and expired. */
export function isFinal(status: SubmissionStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Whether the machine allows a single step from → to. */
export function canTransition(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return NEXT[from].includes(to);
}

/** Throws InvalidTransition unless every consecutive step of the path is allowed. */
export function assertPath(path: readonly string[]): asserts path is readonly SubmissionStatus[] {
  if (path.length < 2) throw new InvalidTransition(path[0] ?? '∅', path[0] ?? '∅');
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1];
    const to = path[i];
    if (!isSubmissionStatus(from) || !isSubmissionStatus(to) || !canTransition(from, to)) {
      throw new InvalidTransition(from, to);
    }
  }
}
