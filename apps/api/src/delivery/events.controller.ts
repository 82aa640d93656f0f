import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import { EventsFeedView, EventsQueryDto } from '@arbiter/contracts';
import { EventsFeed } from '@arbiter/delivery';
import { ApiContract } from '../common/api-contract.decorator';

@ApiTags('events')
@UseGuards(ApiKeyGuard)
@Controller('v1/events')
export class EventsController {
  constructor(private readonly feed: EventsFeed) {}

  @Get()
  @ApiContract({
    id: 'listEvents',
    summary: 'Outcome events after a cursor, oldest first',
    caller: 'apiKey',
    ok: { 200: 'EventsFeed' },
  })
  list(
    @CurrentClient() client: ClientPrincipal,
    @Query() query: EventsQueryDto,
  ): Promise<EventsFeedView> {
    return this.feed.page(client.clientId, query.after, query.limit);
  }
}
