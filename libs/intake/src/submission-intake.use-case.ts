import { Injectable } from '@nestjs/common';
import { IntakeError, IntakeErrorCode } from './intake.errors';
import { ClientPrincipal } from '@arbiter/auth';
import { CreateSubmissionDto } from '@arbiter/contracts';
import { UrlGuard } from '@arbiter/delivery';
import { SubmissionRepository, PolicyCatalog } from '@arbiter/workflow';
import { createHash, randomUUID } from 'node:crypto';
import { IntakeCommitter } from './intake-committer.service';
import { TraceCarrier, Tracing } from '@arbiter/observability';

export interface IntakeResult {
  id: string;
  status: string;
  /** True when an Idempotency-Key retry found the submission made by the first call. */
  replayed: boolean;
}

/**
 * Accepts a submission: the 202 is given only once the row is committed (possibly in one
 * statement with others that arrived at the same moment, see IntakeCommitter). The score job is
 * enqueued after the commit; if that fails, recovery enqueues it later, so nothing is lost.
 */
@Injectable()
export class SubmissionIntake {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly catalog: PolicyCatalog,
    private readonly committer: IntakeCommitter,
    private readonly urlGuard: UrlGuard,
    private readonly tracing: Tracing,
  ) {}

  async accept(
    client: ClientPrincipal,
    body: CreateSubmissionDto,
    rawBody: unknown,
    idempotencyKey: string | undefined,
    beforeEnqueue?: (id: string) => void,
    caller?: Partial<TraceCarrier>,
  ): Promise<IntakeResult> {
    const id = randomUUID();
    // The span continues the caller's trace (its traceparent header), else starts one.
    return this.tracing.inSpan(
      'intake',
      this.tracing.extract(caller),
      { 'arbiter.submission.id': id, 'arbiter.pipeline': body.pipeline },
      async (span, ctx) => {
        const result = await this.acceptIn(
          id,
          client,
          body,
          rawBody,
          idempotencyKey,
          beforeEnqueue,
          this.tracing.inject(ctx),
        );
        // An Idempotency-Key replay answers with the first call's submission (and its trace).
        if (result.replayed)
          span.setAttributes({ 'arbiter.submission.id': result.id, 'arbiter.replayed': true });
        return result;
      },
    );
  }

  private async acceptIn(
    id: string,
    client: ClientPrincipal,
    body: CreateSubmissionDto,
    rawBody: unknown,
    idempotencyKey: string | undefined,
    beforeEnqueue: ((id: string) => void) | undefined,
    trace: TraceCarrier | undefined,
  ): Promise<IntakeResult> {
    if (client.allowedPipelines && !client.allowedPipelines.includes(body.pipeline)) {
      throw new IntakeError(
        IntakeErrorCode.PipelineNotAllowed,
        `This API key may not submit to pipeline "${body.pipeline}"`,
      );
    }
    // A pipeline of another workspace than the client's is unknown to it.
    const version = await this.catalog.versionForSubmission(body.pipeline, id, client.workspaceId);
    if (!version)
      throw new IntakeError(
        IntakeErrorCode.PipelineUnknown,
        `Unknown pipeline "${body.pipeline}" (or it has no active policy version)`,
      );

    // SSRF: refuse a callback to a private, loopback or metadata address now, with a clear 400.
    const callbackProblem = body.callbackUrl
      ? await this.urlGuard.problem(body.callbackUrl, 'callbackUrl')
      : null;
    if (callbackProblem)
      throw new IntakeError(IntakeErrorCode.CallbackRefused, callbackProblem, [
        { path: 'callbackUrl', message: callbackProblem },
      ]);
    const requestHash = createHash('sha256').update(JSON.stringify(rawBody)).digest('hex');
    const inserted = await this.committer.commit({
      row: {
        id,
        clientId: client.clientId,
        pipelineId: version.pipelineId,
        policyVersionId: version.id,
        externalId: body.externalId ?? null,
        idempotencyKey: idempotencyKey ?? null,
        requestHash,
        input: body.input,
        output: body.output,
        model: body.model,
        promptVersion: body.promptVersion ?? null,
        metadata: body.metadata ?? null,
        callbackUrl: body.callbackUrl ?? null,
        traceparent: trace?.traceparent ?? null,
      },
      pipeline: body.pipeline,
      beforeEnqueue,
      trace,
    });
    if (!inserted) return this.replay(client, idempotencyKey as string, requestHash);
    return { id, status: 'received', replayed: false };
  }

  private async replay(
    client: ClientPrincipal,
    key: string,
    requestHash: string,
  ): Promise<IntakeResult> {
    const existing = await this.submissions.findByIdempotencyKey(client.clientId, key);
    if (!existing)
      throw new IntakeError(
        IntakeErrorCode.IdempotencyInFlight,
        'Idempotency-Key is in use by a request that did not complete; retry',
      );
    if (existing.requestHash !== requestHash) {
      throw new IntakeError(
        IntakeErrorCode.IdempotencyMismatch,
        'Idempotency-Key was already used with a different request body',
      );
    }
    return { id: existing.id, status: existing.status, replayed: true };
  }
}
