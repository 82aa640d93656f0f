import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import {
  WebhookEndpointRepository,
  WebhookSecretRow,
} from '../repositories/webhook-endpoint.repository';
import { randomUUID } from 'node:crypto';
import { generateWebhookSecret } from '../signing/webhook-signature';

/** Each client's signing secrets: created on first need, rotated with an overlap. */
@Injectable()
export class WebhookSecrets {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The client's live secrets (newest first), creating the first one if it has none. */
  async live(clientId: string): Promise<WebhookSecretRow[]> {
    const secrets = await this.endpoints.liveSecrets(clientId);
    if (secrets.length > 0) return secrets;
    await this.endpoints.addSecretIfNone(clientId, randomUUID(), generateWebhookSecret());
    return this.endpoints.liveSecrets(clientId);
  }

  /** A new secret; the old ones keep signing next to it for `overlapMs` (config default). */
  async rotate(
    clientId: string,
    overlapMs = this.config.webhooks.secretOverlapMs,
  ): Promise<WebhookSecretRow[]> {
    await this.endpoints.rotate(clientId, randomUUID(), generateWebhookSecret(), overlapMs);
    return this.endpoints.liveSecrets(clientId);
  }
}
