import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { DeadLetterScopeDto, DeadLetterView, ReplayResultView } from '@arbiter/contracts';
import { DeadLetters } from '@arbiter/delivery';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';

/** Every client's dead letters, for admins: of the clients of their workspace. */
@ApiTags('webhooks')
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1/admin/dead-letters')
export class AdminDeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiContract({
    id: 'adminListDeadLetters',
    summary: "Every client's dead letters (of the workspace)",
    caller: 'user',
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/DeadLetter' } } },
  })
  list(
    @CurrentUser() user: UserPrincipal,
    @Query() scope: DeadLetterScopeDto,
  ): Promise<DeadLetterView[]> {
    return this.deadLetters.list(scope.clientId ?? null, scopeOf(user));
  }

  @Post('replay')
  @Audited('dead-letter.replay-all', 'dead-letter')
  @ApiContract({
    id: 'adminReplayDeadLetters',
    summary: 'Replay every dead letter (of one client)',
    caller: 'user',
    body: true,
    ok: { 200: 'ReplayResult' },
  })
  @HttpCode(200)
  replayAll(
    @CurrentUser() user: UserPrincipal,
    @Body() scope: DeadLetterScopeDto,
  ): Promise<ReplayResultView> {
    return this.deadLetters.replayAll(scope?.clientId ?? null, scopeOf(user));
  }

  @Post(':id/replay')
  @Audited('dead-letter.replay', 'dead-letter', 'id')
  @ApiContract({
    id: 'adminReplayDeadLetter',
    summary: 'Replay one dead letter',
    caller: 'user',
    ok: { 200: 'ReplayResult' },
    errors: [404],
  })
  @HttpCode(200)
  replayOne(
    @CurrentUser() user: UserPrincipal,
    @Param('id', uuidParam) id: string,
  ): Promise<ReplayResultView> {
    return this.deadLetters.replayOne(id, null, scopeOf(user));
  }
}
