import { Injectable } from '@nestjs/common';
import { IntakeError, IntakeErrorCode } from './intake.errors';
import { ClientPrincipal } from '@arbiter/auth';
import { DecisionView, SubmissionStatusView, SubmissionView } from '@arbiter/contracts';
import { SubmissionRepository, SubmissionRow, PolicyCatalog } from '@arbiter/workflow';

/** Reads one submission for its owning client: status, decision, scoring evidence, timeline. */
@Injectable()
export class SubmissionQuery {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly catalog: PolicyCatalog,
  ) {}

  /** 404 for a missing id and for another client's submission alike: ids are not disclosed. */
  async forClient(client: ClientPrincipal, id: string): Promise<SubmissionView> {
    const row = await this.submissions.findById(id);
    if (!row || row.clientId !== client.clientId)
      throw new IntakeError(IntakeErrorCode.SubmissionNotFound, `Submission ${id} not found`);
    return this.view(row);
  }

  async view(row: SubmissionRow): Promise<SubmissionView> {
    const [version, events] = await Promise.all([
      this.catalog.versionById(row.policyVersionId),
      this.submissions.events(row.id),
    ]);
    const scoring = (row.scoring ?? {}) as { signals?: unknown[]; gates?: unknown[] };
    return {
      id: row.id,
      externalId: row.externalId,
      pipeline: version?.pipelineKey ?? '',
      policyVersion: version?.version ?? 0,
      status: row.status as SubmissionStatusView,
      decision: (row.decision as DecisionView | null) ?? null,
      confidence: row.confidence,
      signals: scoring.signals ?? [],
      gates: scoring.gates ?? [],
      model: row.model,
      promptVersion: row.promptVersion,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      timeline: events.map((e) => ({
        at: e.createdAt.toISOString(),
        type: e.type,
        from: e.fromStatus,
        to: e.toStatus,
        actor: e.actor,
        data: e.data,
      })),
    };
  }
}
