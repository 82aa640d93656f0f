import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import { DeadLetterView, ReplayResultView } from '@arbiter/contracts';
import { DeadLetters } from '@arbiter/delivery';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';

/** The submitting service's own dead letters. */
@ApiTags('webhooks')
@UseGuards(ApiKeyGuard)
@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiContract({
    id: 'listDeadLetters',
    summary: 'My events whose webhook gave up',
    caller: 'apiKey',
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/DeadLetter' } } },
  })
  list(@CurrentClient() client: ClientPrincipal): Promise<DeadLetterView[]> {
    return this.deadLetters.list(client.clientId);
  }

  @Post('replay')
  @Audited('dead-letter.replay-all', 'dead-letter')
  @ApiContract({
    id: 'replayDeadLetters',
    summary: 'Send all my dead letters again',
    caller: 'apiKey',
    ok: { 200: 'ReplayResult' },
  })
  @HttpCode(200)
  replayAll(@CurrentClient() client: ClientPrincipal): Promise<ReplayResultView> {
    return this.deadLetters.replayAll(client.clientId);
  }

  @Post(':id/replay')
  @Audited('dead-letter.replay', 'dead-letter', 'id')
  @ApiContract({
    id: 'replayDeadLetter',
    summary: 'Send one dead letter again',
    caller: 'apiKey',
    ok: { 200: 'ReplayResult' },
    errors: [404],
  })
  @HttpCode(200)
  replayOne(
    @CurrentClient() client: ClientPrincipal,
    @Param('id', uuidParam) id: string,
  ): Promise<ReplayResultView> {
    return this.deadLetters.replayOne(id, client.clientId);
  }
}
