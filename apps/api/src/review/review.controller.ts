import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { ClaimDto, DecideDto, LeaseDto, QueueCountsView } from '@arbiter/contracts';
import {
  ClaimNextTask,
  DecideTask,
  decisionInputOf,
  DecisionResult,
  ReviewTaskView,
  TaskLease,
  ReviewQueries,
} from '@arbiter/review';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';

/** REST face of human review; the /review socket.io namespace calls the same use cases. */
@ApiTags('review')
@UseGuards(UserAuthGuard)
@Controller('v1/review')
export class ReviewController {
  constructor(
    private readonly claimNext: ClaimNextTask,
    private readonly lease: TaskLease,
    private readonly decideTask: DecideTask,
    private readonly queries: ReviewQueries,
  ) {}

  @Get('queues')
  @ApiContract({
    id: 'myReviewQueues',
    summary: 'My queues with live waiting and claimed counts',
    caller: 'user',
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/QueueCounts' } } },
  })
  queues(@CurrentUser() user: UserPrincipal): Promise<QueueCountsView[]> {
    return this.queries.queuesFor(user);
  }

  @Post('claim')
  @ApiContract({
    id: 'claimTask',
    summary: 'The most urgent task of my queues, with its evidence and a lease',
    caller: 'user',
    body: true,
    ok: { 200: 'ClaimResult' },
  })
  @HttpCode(200)
  async claim(
    @CurrentUser() user: UserPrincipal,
    @Body() body: ClaimDto,
  ): Promise<{ task: ReviewTaskView | null }> {
    return { task: await this.claimNext.execute(user.userId, body.queues, scopeOf(user)) };
  }

  @Get('tasks/:id')
  @ApiContract({
    id: 'getTask',
    summary: 'A task I may see, with its evidence',
    caller: 'user',
    ok: { 200: 'ReviewTask' },
    errors: [404],
  })
  task(
    @CurrentUser() user: UserPrincipal,
    @Param('id', uuidParam) id: string,
  ): Promise<ReviewTaskView> {
    return this.queries.taskFor(user, id);
  }

  @Post('tasks/:id/heartbeat')
  @ApiContract({
    id: 'heartbeatTask',
    summary: 'Extend my lease',
    caller: 'user',
    body: true,
    ok: { 200: 'LeaseExtended' },
    errors: [404, 409],
  })
  @HttpCode(200)
  heartbeat(
    @CurrentUser() user: UserPrincipal,
    @Param('id', uuidParam) id: string,
    @Body() body: LeaseDto,
  ) {
    return this.lease.heartbeat(user.userId, id, body.leaseToken);
  }

  @Post('tasks/:id/release')
  @ApiContract({
    id: 'releaseTask',
    summary: 'Give the task back at once',
    caller: 'user',
    body: true,
    ok: { 200: 'Released' },
    errors: [404, 409],
  })
  @HttpCode(200)
  async release(
    @CurrentUser() user: UserPrincipal,
    @Param('id', uuidParam) id: string,
    @Body() body: LeaseDto,
  ) {
    await this.lease.release(user.userId, id, body.leaseToken);
    return { released: true };
  }

  @Post('tasks/:id/decide')
  @ApiContract({
    id: 'decideTask',
    summary: 'Approve, reject, edit or escalate',
    caller: 'user',
    body: true,
    ok: { 200: 'DecisionResult' },
    errors: [404, 409],
  })
  @HttpCode(200)
  decide(
    @CurrentUser() user: UserPrincipal,
    @Param('id', uuidParam) id: string,
    @Body() body: DecideDto,
  ): Promise<DecisionResult> {
    return this.decideTask.execute(user.userId, id, decisionInputOf(body));
  }
}
