import { DynamicModule, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { SubscriberName } from './domain-event-map';
import { DomainEvents } from './domain-events.service';

const REQUIRED = Symbol('REQUIRED_SUBSCRIBERS');

@Injectable()
export class RequiredSubscribersCheck implements OnApplicationBootstrap {
  constructor(
    private readonly events: DomainEvents,
    private readonly required: { names: readonly SubscriberName[] },
  ) {}

  // Module init (where slices subscribe) has finished for every module by now.
  onApplicationBootstrap(): void {
    const missing = this.events.missing(this.required.names);
    if (missing.length) {
      throw new Error(
        `this process must run the event subscribers ${missing.join(', ')}, but no loaded module registers them`,
      );
    }
  }
}

/**
 * Declares which subscribers a process must run (the api and the worker each make
 * transitions whose effects must happen); the process fails at start when one is not loaded.
 */
@Module({})
export class RequiredSubscribersModule {
  static of(names: readonly SubscriberName[]): DynamicModule {
    return {
      module: RequiredSubscribersModule,
      providers: [
        { provide: REQUIRED, useValue: { names } },
        {
          provide: RequiredSubscribersCheck,
          inject: [DomainEvents, REQUIRED],
          useFactory: (events: DomainEvents, required: { names: SubscriberName[] }) =>
            new RequiredSubscribersCheck(events, required),
        },
      ],
    };
  }
}
