import { Global, Module } from '@nestjs/common';
import { WorkflowModule } from '@arbiter/workflow';
import { WebhookHttpClient } from './http/webhook-http.client';
import { DeadLetterReplay } from './outbox/dead-letter-replay.service';
import { EndpointDirectory } from './outbox/endpoint-directory.service';
import { OutboxRecorder } from './outbox/outbox-recorder.service';
import { WebhookSecrets } from './outbox/webhook-secrets.service';
import { UrlGuard } from './ssrf/url-guard.service';
import { DeliveryEventRepository } from './repositories/delivery-event.repository';
import { WebhookEndpointRepository } from './repositories/webhook-endpoint.repository';
import { DeliverEvent } from './deliver/deliver-event.use-case';
import { ReconcileDeliveries } from './deliver/reconcile-deliveries.use-case';
import { DeadLetters } from './feed/dead-letters.use-case';
import { EventsFeed } from './feed/events-feed.use-case';
import { WebhookEndpointSettings } from './outbox/webhook-endpoint.use-case';

const SERVICES = [
  DeliveryEventRepository,
  WebhookEndpointRepository,
  DeliverEvent,
  ReconcileDeliveries,
  DeadLetters,
  EventsFeed,
  WebhookEndpointSettings,
  UrlGuard,
  WebhookHttpClient,
  EndpointDirectory,
  OutboxRecorder,
  DeadLetterReplay,
  WebhookSecrets,
];

/**
 * Outcome delivery for whichever process makes transitions (api and worker): the outbox
 * listener, the SSRF guard (also used at intake), secrets, replay and the webhook client.
 * Global so intake can inject UrlGuard without importing this module.
 */
@Global()
@Module({
  imports: [WorkflowModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class DeliveryOutboxModule {}
