import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import { EventsFeedView, EventsQueryDto } from '@arbiter/contracts';
import { EventsFeed } from './events-feed.use-case';

@ApiTags('events')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/events')
export class EventsController {
  constructor(private readonly feed: EventsFeed) {}

  @Get()
  list(
    @CurrentClient() client: ClientPrincipal,
    @Query() query: EventsQueryDto,
  ): Promise<EventsFeedView> {
    return this.feed.page(client.clientId, query.after, query.limit);
  }
}
