import { Injectable } from '@nestjs/common';
import { DeliveryError, DeliveryErrorCode } from '../delivery.errors';
import { DeadLetterView, OutcomeEventType, ReplayResultView } from '@arbiter/contracts';
import { DeadLetterReplay } from '../outbox/dead-letter-replay.service';
import { DeliveryEventRepository } from '../repositories/delivery-event.repository';

const LIST_LIMIT = 500;

/** Dead letters for their owning client (clientId set) or for admins (clientId null: everyone's). */
@Injectable()
export class DeadLetters {
  constructor(
    private readonly events: DeliveryEventRepository,
    private readonly replayer: DeadLetterReplay,
  ) {}

  /** Of one client (clientId), or of every client of a workspace (workspaceId; null: of every workspace). */
  async list(
    clientId: string | null,
    workspaceId: string | null = null,
  ): Promise<DeadLetterView[]> {
    const rows = await this.events.deadLetters(clientId, LIST_LIMIT, workspaceId);
    return rows.map((r) => ({
      id: r.id,
      clientId: r.clientId,
      submissionId: r.submissionId,
      type: r.type as OutcomeEventType,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      deadAt: r.deadAt.toISOString(),
    }));
  }

  /** 404 for an unknown id, another client's or workspace's, or one that is not dead: ids are not disclosed. */
  async replayOne(
    eventId: string,
    clientId: string | null,
    workspaceId: string | null = null,
  ): Promise<ReplayResultView> {
    const replayed = await this.replayer.replay(eventId, clientId, workspaceId);
    if (replayed === 0)
      throw new DeliveryError(
        DeliveryErrorCode.DeadLetterNotFound,
        `Dead letter ${eventId} not found`,
      );
    return { replayed };
  }

  async replayAll(
    clientId: string | null,
    workspaceId: string | null = null,
  ): Promise<ReplayResultView> {
    return { replayed: await this.replayer.replay(null, clientId, workspaceId) };
  }
}
