import { Injectable } from '@nestjs/common';
import type { BreakerState } from './circuit-breaker.store';
import type { CallRecord } from './review-chain';
import { Counter, Gauge, Histogram } from 'prom-client';
import { ProcessMetrics } from '@arbiter/observability';

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

/** Per-provider AI review metrics on the worker's registry: latency, errors, breaker state, spend. */
@Injectable()
export class AiReviewMetrics {
  private readonly latency: Histogram<'provider' | 'outcome'>;
  private readonly errors: Counter<'provider' | 'kind'>;
  private readonly breakerState: Gauge<'provider'>;
  private readonly spend: Counter<'provider'>;
  private readonly tokens: Counter<'provider' | 'direction'>;
  readonly routed: Counter<'route' | 'reason'>;
  readonly budgetAlerts: Counter<'scope'>;

  constructor(metrics: ProcessMetrics) {
    const registers = [metrics.registry];
    this.latency = new Histogram({
      name: 'arbiter_ai_provider_latency_seconds',
      help: 'AI reviewer call latency by provider and outcome',
      labelNames: ['provider', 'outcome'],
      buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.errors = new Counter({
      name: 'arbiter_ai_provider_errors_total',
      help: 'Failed AI reviewer calls by provider and failure kind',
      labelNames: ['provider', 'kind'],
      registers,
    });
    this.breakerState = new Gauge({
      name: 'arbiter_ai_provider_breaker_state',
      help: 'Circuit breaker per provider: 0 closed, 1 half-open, 2 open',
      labelNames: ['provider'],
      registers,
    });
    this.spend = new Counter({
      name: 'arbiter_ai_provider_spend_usd_total',
      help: 'USD spent on AI review calls by provider',
      labelNames: ['provider'],
      registers,
    });
    this.tokens = new Counter({
      name: 'arbiter_ai_provider_tokens_total',
      help: 'Tokens of AI review calls by provider and direction',
      labelNames: ['provider', 'direction'],
      registers,
    });
    this.routed = new Counter({
      name: 'arbiter_ai_review_routed_total',
      help: 'AI review outcomes by route and reason code',
      labelNames: ['route', 'reason'],
      registers,
    });
    this.budgetAlerts = new Counter({
      name: 'arbiter_ai_budget_exhausted_total',
      help: 'AI review budget exhaustion alerts by scope kind',
      labelNames: ['scope'],
      registers,
    });
  }

  call(record: CallRecord): void {
    this.latency.observe(
      { provider: record.provider, outcome: record.outcome },
      record.latencyMs / 1000,
    );
    if (record.outcome !== 'ok')
      this.errors.inc({ provider: record.provider, kind: record.outcome });
    if (record.costUsd > 0) this.spend.inc({ provider: record.provider }, record.costUsd);
    this.tokens.inc({ provider: record.provider, direction: 'input' }, record.inputTokens);
    this.tokens.inc({ provider: record.provider, direction: 'output' }, record.outputTokens);
  }

  breaker(provider: string, state: BreakerState): void {
    this.breakerState.set({ provider }, BREAKER_VALUE[state]);
  }
}
