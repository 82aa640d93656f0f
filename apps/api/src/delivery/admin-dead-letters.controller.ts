import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
import { DeadLetterScopeDto, DeadLetterView, ReplayResultView } from '@arbiter/contracts';
import { DeadLetters } from './dead-letters.use-case';
import { uuidParam } from '../common/uuid-param.pipe';

/** Every client's dead letters, for admins. */
@ApiTags('webhooks')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1/admin/dead-letters')
export class AdminDeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  list(@Query() scope: DeadLetterScopeDto): Promise<DeadLetterView[]> {
    return this.deadLetters.list(scope.clientId ?? null);
  }

  @Post('replay')
  @HttpCode(200)
  replayAll(@Body() scope: DeadLetterScopeDto): Promise<ReplayResultView> {
    return this.deadLetters.replayAll(scope?.clientId ?? null);
  }

  @Post(':id/replay')
  @HttpCode(200)
  replayOne(@Param('id', uuidParam) id: string): Promise<ReplayResultView> {
    return this.deadLetters.replayOne(id, null);
  }
}
