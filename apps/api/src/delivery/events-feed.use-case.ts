import { Injectable } from '@nestjs/common';
import { EventsFeedView, OutcomeEventType } from '@arbiter/contracts';
import { DeliveryEventRepository } from '@arbiter/persistence';

const DEFAULT_LIMIT = 100;

/**
 * The events feed for clients that cannot take webhooks. A cursor is `{transaction id}.{seq}`;
 * the repository only returns events of finished transactions older than any still running,
 * so reading after the last cursor seen never skips nor repeats an event.
 */
@Injectable()
export class EventsFeed {
  constructor(private readonly events: DeliveryEventRepository) {}

  async page(clientId: string, after = '0', limit = DEFAULT_LIMIT): Promise<EventsFeedView> {
    const [txId, seq] = after === '0' ? ['0', '0'] : after.split('.');
    const rows = await this.events.feed(clientId, { txId, seq }, limit + 1);
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
