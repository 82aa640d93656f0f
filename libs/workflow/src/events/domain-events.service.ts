import { Injectable, Logger } from '@nestjs/common';
import { DomainEventMap, DomainEventName, SubscriberName, SUBSCRIBERS } from './domain-event-map';

type Handler<E extends DomainEventName> = (payload: DomainEventMap[E]) => Promise<void>;
interface Subscription {
  subscriber: SubscriberName;
  rank: number;
  handle: (payload: never) => Promise<void>;
}

/**
 * The in-process bus of domain events, published after the database commit. Handlers run one
 * after another in SUBSCRIBERS order; a failure is logged and never undoes the commit or stops
 * the next handler: every subscriber's effect has a reconciler that rebuilds what it missed.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly subscriptions = new Map<DomainEventName, Subscription[]>();
  private readonly registered = new Set<SubscriberName>();

  /** Called by a slice's subscriber when its module starts. */
  subscribe<E extends DomainEventName>(
    subscriber: SubscriberName,
    event: E,
    handle: Handler<E>,
  ): void {
    const list = this.subscriptions.get(event) ?? [];
    list.push({
      subscriber,
      rank: SUBSCRIBERS.indexOf(subscriber),
      handle: handle as Subscription['handle'],
    });
    list.sort((a, b) => a.rank - b.rank);
    this.subscriptions.set(event, list);
    this.registered.add(subscriber);
  }

  async publish<E extends DomainEventName>(event: E, payload: DomainEventMap[E]): Promise<void> {
    for (const { subscriber, handle } of this.subscriptions.get(event) ?? []) {
      await (handle as Handler<E>)(payload).catch((error: Error) =>
        this.logger.error({ event, subscriber, msg: `subscriber failed: ${error.message}` }),
      );
    }
  }

  /** The declared subscribers that no loaded module registered. */
  missing(required: readonly SubscriberName[]): SubscriberName[] {
    return required.filter((name) => !this.registered.has(name));
  }
}
