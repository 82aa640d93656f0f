import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { AdminDeadLettersController } from './admin-dead-letters.controller';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLetters } from './dead-letters.use-case';
import { EventsFeed } from './events-feed.use-case';
import { EventsController } from './events.controller';
import { WebhookEndpointController } from './webhook-endpoint.controller';
import { WebhookEndpointSettings } from './webhook-endpoint.use-case';

/** Outcome delivery over HTTP: events feed, dead letters and replay, webhook settings. */
@Module({
  imports: [AuthModule],
  controllers: [
    EventsController,
    WebhookEndpointController,
    DeadLettersController,
    AdminDeadLettersController,
  ],
  providers: [EventsFeed, DeadLetters, WebhookEndpointSettings],
})
export class DeliveryApiModule {}
