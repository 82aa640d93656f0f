import { Injectable } from '@nestjs/common';
import { DeliveryError, DeliveryErrorCode } from '../delivery.errors';
import { UpdateWebhookEndpointDto, WebhookEndpointView } from '@arbiter/contracts';
import { EndpointDirectory } from './endpoint-directory.service';
import { UrlGuard } from '../ssrf/url-guard.service';
import { WebhookSecrets } from './webhook-secrets.service';
import {
  WebhookEndpointRepository,
  WebhookSecretRow,
} from '../repositories/webhook-endpoint.repository';

/** A client's own webhook settings: default endpoint, routed subscription, signing secrets. */
@Injectable()
export class WebhookEndpointSettings {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly secrets: WebhookSecrets,
    private readonly guard: UrlGuard,
    private readonly directory: EndpointDirectory,
  ) {}

  /** The settings with the live secrets (the first is created here if there is none yet). */
  async view(clientId: string): Promise<WebhookEndpointView> {
    const [endpoint, secrets] = await Promise.all([
      this.endpoints.find(clientId),
      this.secrets.live(clientId),
    ]);
    return toView(endpoint?.url ?? null, endpoint?.subscribeRouted ?? false, secrets);
  }

  /** Replaces the default endpoint; the URL passes the same SSRF check as a callbackUrl. */
  async update(clientId: string, body: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    if (body.url !== null) {
      const problem = await this.guard.problem(body.url, 'url');
      if (problem)
        throw new DeliveryError(DeliveryErrorCode.WebhookUrlRefused, problem, [
          { path: 'url', message: problem },
        ]);
    }
    await this.endpoints.upsert(clientId, {
      url: body.url,
      subscribeRouted: body.subscribeRouted ?? false,
    });
    await this.directory.changed(clientId);
    return this.view(clientId);
  }

  /** A new secret; the previous ones keep signing alongside it for the overlap. */
  async rotate(clientId: string, overlapSeconds?: number): Promise<WebhookEndpointView> {
    const secrets = await this.secrets.rotate(
      clientId,
      overlapSeconds === undefined ? undefined : overlapSeconds * 1000,
    );
    const endpoint = await this.endpoints.find(clientId);
    return toView(endpoint?.url ?? null, endpoint?.subscribeRouted ?? false, secrets);
  }
}

function toView(
  url: string | null,
  subscribeRouted: boolean,
  secrets: WebhookSecretRow[],
): WebhookEndpointView {
  return {
    url,
    subscribeRouted,
    secrets: secrets.map((s) => ({
      id: s.id,
      secret: s.secret,
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt?.toISOString() ?? null,
    })),
  };
}
