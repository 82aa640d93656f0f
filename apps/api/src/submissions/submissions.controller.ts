import {
  BadRequestException, Body, Controller, Get, Headers, HttpStatus, Param, Post, Query, Req, Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import { AcceptedSubmission, CreateSubmissionDto, LIMITS, SubmissionView } from '@arbiter/contracts';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequireJsonGuard } from '../common/require-json.guard';
import { SubmissionIntake } from './submission-intake.use-case';
import { SubmissionQuery } from './submission-query.use-case';
import { SubmissionWaiter } from './submission-waiter.use-case';
import { uuidParam } from '../common/uuid-param.pipe';

@ApiTags('submissions')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/submissions')
export class SubmissionsController {
  constructor(
    private readonly intake: SubmissionIntake,
    private readonly query: SubmissionQuery,
    private readonly waiter: SubmissionWaiter,
  ) {}

  @Post()
  @UseGuards(RequireJsonGuard)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiQuery({ name: 'wait', required: false, description: 'ms (≤ 10000) to wait for a decision' })
  async create(
    @CurrentClient() client: ClientPrincipal,
    @Body() body: CreateSubmissionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Query('wait') wait?: string,
  ): Promise<AcceptedSubmission | SubmissionView> {
    const waitMs = this.waiter.parseWait(wait);
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > LIMITS.idempotencyKey)) {
      throw new BadRequestException(`Idempotency-Key must be 1 to ${LIMITS.idempotencyKey} characters`);
    }
    const waiting = waitMs > 0 ? this.waiter.prepare() : null;
    const accepted = await this.intake.accept(client, body, request.body, idempotencyKey, waiting?.register);
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
  get(
    @CurrentClient() client: ClientPrincipal,
    @Param('id', uuidParam) id: string,
  ): Promise<SubmissionView> {
    return this.query.forClient(client, id);
  }
}
