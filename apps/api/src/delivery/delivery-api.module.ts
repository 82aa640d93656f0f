import { Module, OnModuleInit } from '@nestjs/common';
import { AuditSnapshots } from '@arbiter/audit';
import { WebhookEndpointSettings } from '@arbiter/delivery';
import { AuthModule } from '@arbiter/auth';
import { AdminDeadLettersController } from './admin-dead-letters.controller';
import { DeadLettersController } from './dead-letters.controller';
import { EventsController } from './events.controller';
import { WebhookEndpointController } from './webhook-endpoint.controller';

/** Outcome delivery over HTTP: events feed, dead letters and replay, webhook settings. */
@Module({
  imports: [AuthModule],
  controllers: [
    EventsController,
    WebhookEndpointController,
    DeadLettersController,
    AdminDeadLettersController,
  ],
})
export class DeliveryApiModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly webhooks: WebhookEndpointSettings,
  ) {}

  onModuleInit(): void {
    // A client's webhook settings; its signing secrets are redacted before the log stores them.
    this.snapshots.register('webhook', (clientId) => this.webhooks.view(clientId));
  }
}
