import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { QueueProducer, RedisClient } from '@arbiter/queue';
import { Emitter } from '@socket.io/redis-emitter';
import { ReviewDispatch } from './review-dispatch.service';

/** Room names and the Redis key of the socket.io adapter, shared by the gateway and emitters. */
export const reviewRooms = {
  reviewer: (userId: string) => `reviewer:${userId}`,
  queue: (queue: string) => `queue:${queue}`,
};
export const socketIoKey = (redisPrefix: string) => `${redisPrefix}:socket.io`;

export const REVIEW_EVENTS = {
  queueCounts: 'queue.counts',
  urgentTask: 'task.urgent',
  leaseExpiring: 'lease.expiring',
  taskRevoked: 'task.revoked',
} as const;

// Queue counts are pushed at most this often per queue, so a burst of changes is one message.
const COUNTS_DEBOUNCE_MS = 200;

/**
 * The emitter ignores the promise `publish` returns, so a publish refused while Redis is down or
 * the connection is closing would become an unhandled rejection. Live pushes are best-effort (the
 * REST state is the record and clients resync on reconnect), so a failed push is dropped.
 */
function bestEffortPublisher(connection: RedisClient): Pick<RedisClient, 'publish'> {
  return {
    publish: ((channel: string, message: string | Buffer) =>
      connection.publish(channel, message).catch(() => 0)) as RedisClient['publish'],
  };
}

/**
 * Pushes review events to browsers from any process (api or worker) through the socket.io
 * Redis emitter; every api replica's Redis adapter delivers them to its connected reviewers.
 */
@Injectable()
export class ReviewNotifier {
  private readonly emitter: ReturnType<Emitter['of']>;
  private readonly pendingCounts = new Map<string, NodeJS.Timeout>();

  constructor(
    producer: QueueProducer,
    private readonly dispatch: ReviewDispatch,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.emitter = new Emitter(bestEffortPublisher(producer.connection), {
      key: socketIoKey(config.redisPrefix),
    }).of('/review');
  }

  toReviewer(userId: string, event: string, payload: unknown): void {
    this.emitter.to(reviewRooms.reviewer(userId)).emit(event, payload);
  }

  toQueue(queue: string, event: string, payload: unknown): void {
    this.emitter.to(reviewRooms.queue(queue)).emit(event, payload);
  }

  /** Schedules a push of the queue's live counts to everyone watching it. */
  countsChanged(queue: string): void {
    if (this.pendingCounts.has(queue)) return;
    const timer = setTimeout(() => {
      this.pendingCounts.delete(queue);
      this.dispatch
        .counts(queue)
        .then((counts) => this.toQueue(queue, REVIEW_EVENTS.queueCounts, { queue, ...counts }))
        .catch(() => undefined);
    }, COUNTS_DEBOUNCE_MS);
    timer.unref();
    this.pendingCounts.set(queue, timer);
  }
}
