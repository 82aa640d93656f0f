import { Injectable, Logger } from '@nestjs/common';
import { DeliveryEventRepository } from '../repositories/delivery-event.repository';
import { QueueProducer } from '@arbiter/queue';

/** Sends dead letters again: each starts a new round (new job id, fresh retry horizon, same webhook-id). */
@Injectable()
export class DeadLetterReplay {
  private readonly logger = new Logger(DeadLetterReplay.name);

  constructor(
    private readonly events: DeliveryEventRepository,
    private readonly producer: QueueProducer,
  ) {}

  /**
   * Replays one dead letter (eventId) or all of them, limited to a client when clientId is set, to one workspace's clients when workspaceId is.
   * Returns how many were put back; an enqueue that fails is picked up by the reconciler.
   */
  async replay(
    eventId: string | null,
    clientId: string | null,
    workspaceId: string | null = null,
  ): Promise<number> {
    const rounds = await this.events.replay(eventId, clientId, workspaceId);
    for (const round of rounds) {
      await this.producer.enqueueDelivery(round.id, round.generation).catch((error: Error) =>
        this.logger.warn({
          eventId: round.id,
          msg: `replay enqueue failed, the reconciler will retry: ${error.message}`,
        }),
      );
    }
    return rounds.length;
  }
}
