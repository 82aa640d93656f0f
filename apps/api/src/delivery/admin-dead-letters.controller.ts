import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
import { DeadLetterScopeDto, DeadLetterView, ReplayResultView } from '@arbiter/contracts';
import { DeadLetters } from './dead-letters.use-case';

const eventIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id must be a UUID'),
});

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
  replayOne(@Param('id', eventIdPipe) id: string): Promise<ReplayResultView> {
    return this.deadLetters.replayOne(id, null);
  }
}
