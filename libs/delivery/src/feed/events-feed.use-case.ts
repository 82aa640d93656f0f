import { Injectable } from '@nestjs/common';
import { EventsFeedView, OutcomeEventType } from '@arbiter/contracts';
import { DeliveryEventRepository } from '../repositories/delivery-event.repository';

const DEFAULT_LIMIT = 100;

/**
 * The events feed for clients that cannot take webhooks. Cursors are handed out by the reader to
 * committed events only (see DeliveryEventRepository.feed), so reading after the last cursor
 * seen never skips nor repeats an event.
 */
@Injectable()
export class EventsFeed {
  constructor(private readonly events: DeliveryEventRepository) {}

  async page(clientId: string, after = '0', limit = DEFAULT_LIMIT): Promise<EventsFeedView> {
    const rows = await this.events.feed(clientId, after, limit + 1);
    const page = rows.slice(0, limit);
    return {
      events: page.map((r) => ({
        cursor: r.cursor,
        id: r.id,
        type: r.type as OutcomeEventType,
        submissionId: r.submissionId,
        createdAt: r.createdAt.toISOString(),
        payload: JSON.parse(r.body) as unknown,
      })),
      nextCursor: page.length > 0 ? page[page.length - 1].cursor : after,
      hasMore: rows.length > limit,
    };
  }
}
