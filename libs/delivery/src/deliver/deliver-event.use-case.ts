import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { nextAttemptAt, parseRetryAfter, verdictFor } from '../retry/retry-schedule';
import { webhookHeaders } from '../signing/webhook-signature';
import { WebhookHttpClient } from '../http/webhook-http.client';
import { WebhookSecrets } from '../outbox/webhook-secrets.service';
import { DeliveryEventRepository } from '../repositories/delivery-event.repository';
import { AttemptOutcome } from '@arbiter/persistence';

export interface DeliveryResult {
  outcome: AttemptOutcome | 'stale' | 'no_endpoint';
  /** Set for a retry: when the next attempt is due (epoch ms). */
  retryAt?: number;
}

/**
 * One delivery attempt of an outbox event: sign, POST under the SSRF guard, record the attempt,
 * and decide: delivered (2xx), stopped (410), dead (past the retry horizon) or retry later.
 * Idempotent: an event no longer pending in this round is left alone.
 */
@Injectable()
export class DeliverEvent {
  constructor(
    private readonly events: DeliveryEventRepository,
    private readonly secrets: WebhookSecrets,
    private readonly http: WebhookHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(eventId: string): Promise<DeliveryResult> {
    const event = await this.events.findForDelivery(eventId);
    if (!event || event.status !== 'pending') return { outcome: 'stale' };
    if (!event.url) {
      await this.events.markNoEndpoint(event.id, event.generation);
      return { outcome: 'no_endpoint' };
    }
    const secrets = await this.secrets.live(event.clientId);
    // webhook-id is the event id: the same on every attempt and replay, so receivers de-duplicate.
    const headers = webhookHeaders(
      event.id,
      Math.floor(Date.now() / 1000),
      event.body,
      secrets.map((s) => s.secret),
    );
    const response = await this.http.post(event.url, headers, event.body);

    const verdict = verdictFor(response.statusCode);
    let outcome: AttemptOutcome = verdict === 'stop' ? 'stopped' : verdict;
    let retryAt: number | null = null;
    if (response.blocked) {
      // The SSRF guard refused the target (e.g. its name now resolves to a private address):
      // retrying cannot help; it waits as a dead letter for a fixed endpoint and a replay.
      outcome = 'dead';
    } else if (verdict === 'retry') {
      const now = Date.now();
      retryAt = nextAttemptAt({
        failures: event.attempts + 1,
        roundStartedMs: event.retryFrom.getTime(),
        nowMs: now,
        retryAfterMs: parseRetryAfter(response.retryAfter, now),
        policy: this.config.webhooks,
      });
      if (retryAt === null) outcome = 'dead';
    }
    const applied = await this.events.recordAttempt({
      eventId: event.id,
      generation: event.generation,
      url: event.url,
      statusCode: response.statusCode,
      latencyMs: response.latencyMs,
      outcome,
      error:
        response.error ??
        (verdict === 'delivered' ? null : `HTTP ${response.statusCode}: ${response.responseBody}`),
      nextAttemptAt: retryAt === null ? undefined : new Date(retryAt),
    });
    if (!applied) return { outcome: 'stale' };
    return retryAt === null ? { outcome } : { outcome, retryAt };
  }
}
