import { TraceCarrier } from '@arbiter/observability';
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import {
  AcceptedSubmission,
  CreateSubmissionDto,
  EraseSubmissionsQueryDto,
  ErasureResult,
  LIMITS,
  SubmissionView,
} from '@arbiter/contracts';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequireJsonGuard } from '../common/require-json.guard';
import { SubmissionIntake, SubmissionQuery, SubmissionWaiter } from '@arbiter/intake';
import { EraseByExternalId } from '@arbiter/retention';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';

@ApiTags('submissions')
@UseGuards(ApiKeyGuard)
@Controller('v1/submissions')
export class SubmissionsController {
  constructor(
    private readonly intake: SubmissionIntake,
    private readonly query: SubmissionQuery,
    private readonly waiter: SubmissionWaiter,
    private readonly eraseByExternalId: EraseByExternalId,
  ) {}

  @Post()
  @ApiContract({
    id: 'createSubmission',
    summary: 'Submit an LLM output for a decision',
    description:
      'Committed before it answers 202. With `?wait=<ms>` (≤ 10000): 200 and the decided submission when approved or rejected in time, else 202 with the submission as it stands. The same `Idempotency-Key` and body give the same submission (header `idempotent-replayed: true`); another body is a 409.',
    caller: 'apiKey',
    body: true,
    ok: {
      200: 'SubmissionView',
      202: {
        anyOf: [
          { $ref: '#/components/schemas/AcceptedSubmission' },
          { $ref: '#/components/schemas/SubmissionView' },
        ],
      },
    },
    errors: [403, 404, 409],
  })
  @UseGuards(RequireJsonGuard)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: `1 to ${LIMITS.idempotencyKey} characters: a retry with the same key and body gives the same submission`,
  })
  @ApiHeader({
    name: 'traceparent',
    required: false,
    description:
      'W3C trace context: with tracing on, the submission continues this trace (and its webhooks carry it on)',
  })
  @ApiQuery({
    name: 'wait',
    required: false,
    schema: { type: 'integer', minimum: 0, maximum: 10000 },
    description: 'ms (≤ 10000) to wait for a decision',
  })
  async create(
    @CurrentClient() client: ClientPrincipal,
    @Body() body: CreateSubmissionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Query('wait') wait?: string,
  ): Promise<AcceptedSubmission | SubmissionView> {
    const waitMs = this.waiter.parseWait(wait);
    if (
      idempotencyKey !== undefined &&
      (idempotencyKey.length === 0 || idempotencyKey.length > LIMITS.idempotencyKey)
    ) {
      throw new BadRequestException(
        `Idempotency-Key must be 1 to ${LIMITS.idempotencyKey} characters`,
      );
    }
    const waiting = waitMs > 0 ? this.waiter.prepare() : null;
    const accepted = await this.intake.accept(
      client,
      body,
      request.body,
      idempotencyKey,
      waiting?.register,
      traceOf(request),
    );
    if (accepted.replayed) void reply.header('idempotent-replayed', 'true');
    if (!waiting || accepted.replayed) {
      void reply.status(HttpStatus.ACCEPTED);
      return { id: accepted.id, status: accepted.status as AcceptedSubmission['status'] };
    }
    const decided = await waiting.settle(client, waitMs);
    void reply.status(decided && decided.decision?.outcome ? HttpStatus.OK : HttpStatus.ACCEPTED);
    return decided ?? { id: accepted.id, status: 'received' };
  }

  @Get(':id')
  @ApiContract({
    id: 'getSubmission',
    summary: 'A submission with its decision, signals, gates and timeline',
    caller: 'apiKey',
    ok: { 200: 'SubmissionView' },
    errors: [404],
  })
  get(
    @CurrentClient() client: ClientPrincipal,
    @Param('id', uuidParam) id: string,
  ): Promise<SubmissionView> {
    return this.query.forClient(client, id);
  }

  @Delete()
  @Audited('submission.erase', 'submission')
  @HttpCode(HttpStatus.OK)
  @ApiContract({
    id: 'eraseSubmissions',
    summary: "Erase a data subject's submissions by external id",
    description:
      'Erases, at once and whatever their age, the raw text of every submission of the calling client with this `externalId`: input, output, metadata and callback URL become `{"erased": "request"}`, and every copy of that text too (final and edited outputs, reviewers\' comments, outbox bodies). Decisions, scores and stats stay. One not yet decided is first expired (its review task withdrawn). Each gets an `erased` event naming the API key. Other clients\' submissions are never touched. `{erased: 0}` when there is nothing (left) to erase.',
    caller: 'apiKey',
    ok: { 200: 'ErasureResult' },
  })
  erase(
    @CurrentClient() client: ClientPrincipal,
    @Query() query: EraseSubmissionsQueryDto,
  ): Promise<ErasureResult> {
    return this.eraseByExternalId.execute({
      clientId: client.clientId,
      keyId: client.keyId,
      externalId: query.externalId,
    });
  }
}

/** The caller's W3C trace context headers (a repeated header is not a valid one: ignored). */
function traceOf(request: FastifyRequest): Partial<TraceCarrier> {
  const { traceparent, tracestate } = request.headers;
  return {
    traceparent: typeof traceparent === 'string' ? traceparent : undefined,
    tracestate: typeof tracestate === 'string' ? tracestate : undefined,
  };
}
