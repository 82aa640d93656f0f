import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { nextAttemptAt, parseRetryAfter, verdictFor } from '../retry/retry-schedule';
import { webhookHeaders } from '../signing/webhook-signature';
import { WebhookHttpClient } from '../http/webhook-http.client';
import { WebhookSecrets } from '../outbox/webhook-secrets.service';
import { DeliveryEventRepository } from '../repositories/delivery-event.repository';
import { AttemptOutcome } from '@arbiter/persistence';
import { TraceCarrier, Tracing } from '@arbiter/observability';
import { EventForDelivery } from '../repositories/delivery-event.repository';

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
    private readonly tracing: Tracing,
  ) {}

  async execute(eventId: string): Promise<DeliveryResult> {
    const event = await this.events.findForDelivery(eventId);
    if (!event || event.status !== 'pending') return { outcome: 'stale' };
    const url = event.url;
    if (!url) {
      await this.events.markNoEndpoint(event.id, event.generation);
      return { outcome: 'no_endpoint' };
    }
    // A child of the submission's intake span: the webhook carries the caller's trace on, with
    // this span as the receiver's parent (traceparent header; none while tracing is off).
    return this.tracing.inSpan(
      'deliver',
      this.tracing.extract({ traceparent: event.traceparent ?? undefined }),
      { 'arbiter.event.id': event.id, 'arbiter.event.generation': event.generation },
      async (span, ctx) => {
        const result = await this.attempt(event, url, this.tracing.inject(ctx));
        span.setAttribute('arbiter.delivery.outcome', result.outcome);
        return result;
      },
    );
  }

  private async attempt(
    event: EventForDelivery,
    url: string,
    trace: TraceCarrier | undefined,
  ): Promise<DeliveryResult> {
    const secrets = await this.secrets.live(event.clientId);
    // webhook-id is the event id: the same on every attempt and replay, so receivers de-duplicate.
    const headers = {
      ...webhookHeaders(
        event.id,
        Math.floor(Date.now() / 1000),
        event.body,
        secrets.map((s) => s.secret),
      ),
      ...trace,
    };
    const response = await this.http.post(url, headers, event.body);

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
      url,
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
