import {
  type ExternalOutcome,
  parseWebhookAnswer,
  webhookRequestData,
  webhookRules,
} from '@arbiter/scoring';
import { createHash } from 'node:crypto';
import type { HttpAttempt } from '../http/webhook-http.client';
import { webhookHeaders } from '../signing/webhook-signature';
import type { RuleServicePort, RuleServiceRequest } from './rule-service.port';

/** What the caller needs from the outside world (real HTTP and secrets, or fakes in tests). */
export interface RuleServiceIo {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
    options: { timeoutMs: number },
  ): Promise<HttpAttempt>;
  secrets(clientId: string): Promise<string[]>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface RuleServiceTuning {
  /** Consecutive faults of one URL that open its breaker. */
  breakerThreshold: number;
  /** How long an open breaker answers faults without calling. */
  breakerCoolDownMs: number;
  retryBaseMs: number;
  maxCacheEntries: number;
}

export const RULE_SERVICE_TUNING: RuleServiceTuning = {
  breakerThreshold: 5,
  breakerCoolDownMs: 30_000,
  retryBaseMs: 100,
  maxCacheEntries: 5000,
};

interface Breaker {
  failures: number;
  openUntil: number;
}

/**
 * Asks a client's rule service about one output: signed like outcome webhooks (Standard
 * Webhooks, the client's live secrets), with a timeout, retries with backoff on transport errors
 * and 5xx/408/429, a breaker per URL, and a cache of answers by content hash (the same output
 * asked twice, e.g. a retried score job, is not sent twice). Never throws: faults are outcomes.
 */
export class RuleServiceCaller implements RuleServicePort {
  private readonly cache = new Map<string, { outcome: ExternalOutcome; expires: number }>();
  private readonly breakers = new Map<string, Breaker>();

  constructor(
    private readonly io: RuleServiceIo,
    private readonly tuning: RuleServiceTuning = RULE_SERVICE_TUNING,
  ) {}

  async evaluate(request: RuleServiceRequest): Promise<ExternalOutcome> {
    try {
      return await this.evaluateOrThrow(request);
    } catch (error) {
      return { fault: `the rule service call failed: ${(error as Error).message}` };
    }
  }

  private async evaluateOrThrow(request: RuleServiceRequest): Promise<ExternalOutcome> {
    const rules = webhookRules(request.validator);
    const data = webhookRequestData(request.input, rules);
    const key = createHash('sha256')
      .update(JSON.stringify([rules.url, request.clientId, data]))
      .digest('hex');
    const now = this.io.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.outcome;

    const breaker = this.breakers.get(rules.url) ?? { failures: 0, openUntil: 0 };
    if (breaker.openUntil > now)
      return {
        fault: `the rule service's breaker is open after ${breaker.failures} faults in a row`,
      };

    const secrets = await this.io.secrets(request.clientId);
    const body = JSON.stringify({
      type: 'validation.requested',
      timestamp: new Date(now).toISOString(),
      data: { submissionId: request.submissionId, pipeline: request.pipeline, ...data },
    });
    let outcome: ExternalOutcome = { fault: 'the rule service was not called' };
    for (let attempt = 0; attempt <= rules.retries; attempt++) {
      if (attempt > 0) await this.io.sleep(this.tuning.retryBaseMs * 2 ** (attempt - 1));
      const id = `val_${key.slice(0, 24)}_${attempt}`;
      const headers = webhookHeaders(id, Math.floor(this.io.now() / 1000), body, secrets);
      const res = await this.io.post(rules.url, headers, body, { timeoutMs: rules.timeoutMs });
      const result = this.read(res);
      outcome = result.outcome;
      if (!result.retry) break;
    }
    this.record(rules.url, breaker, !('fault' in outcome));
    if (!('fault' in outcome) && rules.cacheTtlMs > 0)
      this.remember(key, outcome, rules.cacheTtlMs);
    return outcome;
  }

  private read(res: HttpAttempt): { outcome: ExternalOutcome; retry: boolean } {
    if (res.blocked)
      return { outcome: { fault: `the URL is refused: ${res.error}` }, retry: false };
    if (res.statusCode === null)
      return { outcome: { fault: res.error ?? 'no response' }, retry: true };
    if (res.statusCode >= 200 && res.statusCode < 300) {
      // A malformed answer is the service's bug, not a blip: asking again would answer the same.
      return { outcome: parseWebhookAnswer(res.responseBody), retry: false };
    }
    const retry = res.statusCode >= 500 || res.statusCode === 408 || res.statusCode === 429;
    return {
      outcome: {
        fault: `the rule service answered ${res.statusCode}${res.error ? ` (${res.error})` : ''}`,
      },
      retry,
    };
  }

  private record(url: string, breaker: Breaker, ok: boolean): void {
    if (ok) {
      this.breakers.delete(url);
      return;
    }
    breaker.failures++;
    if (breaker.failures >= this.tuning.breakerThreshold)
      breaker.openUntil = this.io.now() + this.tuning.breakerCoolDownMs;
    this.breakers.set(url, breaker);
  }

  private remember(key: string, outcome: ExternalOutcome, ttlMs: number): void {
    if (this.cache.size >= this.tuning.maxCacheEntries)
      this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { outcome, expires: this.io.now() + ttlMs });
  }
}
