import { RollbackSettings } from '../registry/prompt-document';

/** What the rollback rule reads of one version. */
export interface VersionEvidence {
  humanDecided: number;
  humanRejected: number;
  audits: number;
  /** Audited error rate among automatic approvals, null without audits. */
  auditedError: number | null;
}

export interface RollbackVerdict {
  rollback: boolean;
  cause: string;
  figures: Record<string, number>;
}

/**
 * Whether the current version must be rolled back: its human reject rate (or audited error)
 * exceeds the previous version's by more than the limit, with at least the minimum samples on
 * both sides. Too little evidence never rolls back.
 */
export function rollbackVerdict(
  current: VersionEvidence,
  previous: VersionEvidence,
  s: RollbackSettings,
): RollbackVerdict {
  const rate = (e: VersionEvidence) => e.humanRejected / e.humanDecided;
  if (current.humanDecided >= s.minSamples && previous.humanDecided >= s.minSamples) {
    const increase = rate(current) - rate(previous);
    if (increase > s.maxRejectRateIncrease) {
      return {
        rollback: true,
        cause: `human reject rate ${pct(rate(current))} against ${pct(rate(previous))} for the previous version (limit +${pct(s.maxRejectRateIncrease)})`,
        figures: {
          rejectRate: rate(current),
          previousRejectRate: rate(previous),
          samples: current.humanDecided,
          previousSamples: previous.humanDecided,
          limit: s.maxRejectRateIncrease,
        },
      };
    }
  }
  if (
    current.audits >= s.minAudits &&
    previous.audits >= s.minAudits &&
    current.auditedError !== null &&
    previous.auditedError !== null
  ) {
    const increase = current.auditedError - previous.auditedError;
    if (increase > s.maxAuditedErrorIncrease) {
      return {
        rollback: true,
        cause: `audited error ${pct(current.auditedError)} against ${pct(previous.auditedError)} for the previous version (limit +${pct(s.maxAuditedErrorIncrease)})`,
        figures: {
          auditedError: current.auditedError,
          previousAuditedError: previous.auditedError,
          audits: current.audits,
          previousAudits: previous.audits,
          limit: s.maxAuditedErrorIncrease,
        },
      };
    }
  }
  return { rollback: false, cause: 'within limits or not enough evidence', figures: {} };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
