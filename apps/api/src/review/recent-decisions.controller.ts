import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { RecentDecisionsQueryDto, RecentDecisionView } from '@arbiter/contracts';
import { RecentDecisions, ReviewTaskView, UndoDecision } from '@arbiter/review';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';

/** A reviewer's own recent decisions, and the undo of one still in its window (policy review.undoWindow). */
@ApiTags('review')
@UseGuards(UserAuthGuard)
@Controller('v1/review/decisions')
export class RecentDecisionsController {
  constructor(
    private readonly recent: RecentDecisions,
    private readonly undoDecision: UndoDecision,
  ) {}

  @Get('mine')
  @ApiContract({
    id: 'myRecentDecisions',
    summary: 'My latest decisions, newest first, with the end of each undo window',
    caller: 'user',
    ok: { 200: 'RecentDecisions' },
  })
  async mine(
    @CurrentUser() user: UserPrincipal,
    @Query() query: RecentDecisionsQueryDto,
  ): Promise<{ decisions: RecentDecisionView[] }> {
    return { decisions: await this.recent.execute(user.userId, query.limit ?? 10) };
  }

  @Post(':id/undo')
  @ApiContract({
    id: 'undoDecision',
    summary:
      'Take back my decision within its undo window: the task is back in my hand with a fresh lease',
    caller: 'user',
    ok: { 200: 'ReviewTask' },
    errors: [404, 409],
  })
  @HttpCode(200)
  undo(
    @CurrentUser() user: UserPrincipal,
    @Param('id', uuidParam) id: string,
  ): Promise<ReviewTaskView> {
    return this.undoDecision.execute(user.userId, id);
  }
}
