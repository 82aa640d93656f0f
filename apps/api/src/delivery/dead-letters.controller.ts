import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import { DeadLetterView, ReplayResultView } from '@arbiter/contracts';
import { DeadLetters } from './dead-letters.use-case';
import { uuidParam } from '../common/uuid-param.pipe';

/** The submitting service's own dead letters. */
@ApiTags('webhooks')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  list(@CurrentClient() client: ClientPrincipal): Promise<DeadLetterView[]> {
    return this.deadLetters.list(client.clientId);
  }

  @Post('replay')
  @HttpCode(200)
  replayAll(@CurrentClient() client: ClientPrincipal): Promise<ReplayResultView> {
    return this.deadLetters.replayAll(client.clientId);
  }

  @Post(':id/replay')
  @HttpCode(200)
  replayOne(
    @CurrentClient() client: ClientPrincipal,
    @Param('id', uuidParam) id: string,
  ): Promise<ReplayResultView> {
    return this.deadLetters.replayOne(id, client.clientId);
  }
}
