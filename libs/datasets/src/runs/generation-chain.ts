import type { AiProviderConfig, AiReviewConfig } from '@arbiter/config';
import {
  BudgetLimit,
  BudgetStore,
  ChatMessage,
  CircuitBreakerStore,
  costUsd,
  estimateInputTokens,
  jitter,
  ProviderFailure,
  RateLimiterStore,
  redactItem,
  restoreText,
} from '@arbiter/ai-review';
import { GeneratedText, GenerationMessage, GenerationSettings } from './chat-text.provider';

export interface GenerationRequest {
  messages: GenerationMessage[];
  /** Providers in fallback order (the version's provider, then its fallbackProviders). */
  providers: string[];
  settings: GenerationSettings;
  pipelineId: string;
  /** The pipeline's data residency, budget and redaction (its policy's aiReview section). */
  regions?: string[];
  dailyBudgetUsd?: number;
  redactPii: boolean;
}

export type GenerationOutcome =
  | { kind: 'text'; text: string; provider: string; model: string; costUsd: number }
  | { kind: 'defer'; waitMs: number }
  | { kind: 'failed'; reason: string };

export type TextCaller = (
  provider: AiProviderConfig,
  messages: GenerationMessage[],
  settings: GenerationSettings,
) => Promise<GeneratedText>;

/**
 * The AI reviewer's provider machinery, for generating: providers in fallback order, each behind
 * its region check, circuit breaker, shared rate limits and retries; the same daily budgets;
 * PII redacted before anything leaves and restored in the answer. Any fault is a `failed`
 * outcome with its reasons: the item fails, it is never counted as a pass.
 */
export class GenerationChain {
  constructor(
    private readonly config: AiReviewConfig,
    private readonly breaker: CircuitBreakerStore,
    private readonly limiter: RateLimiterStore,
    private readonly budget: BudgetStore,
    private readonly callText: TextCaller,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {}

  async run(request: GenerationRequest): Promise<GenerationOutcome> {
    const redaction = request.redactPii
      ? redactItem({
          context: request.messages.map((m, i) => ({ id: String(i), text: m.content })),
          output: '',
          samples: [],
        })
      : null;
    const messages = redaction
      ? request.messages.map((m, i) => ({ role: m.role, content: redaction.item.context[i].text }))
      : request.messages;
    const reasons: string[] = [];
    if (request.providers.length === 0)
      return {
        kind: 'failed',
        reason: 'no generator provider: set model.provider on the prompt version',
      };
    for (const name of request.providers) {
      const provider = this.config.providers.find((p) => p.name === name);
      if (!provider) reasons.push(`${name}: not configured in ARBITER_AI_PROVIDERS`);
      else if (provider.kind !== 'openai-compatible')
        reasons.push(`${name}: the embedded reviewer cannot generate`);
      else if (request.regions && !request.regions.includes(provider.region))
        reasons.push(`${name}: region ${provider.region} not allowed`);
      else {
        const step = await this.call(provider, messages, request);
        if (step.kind === 'text')
          return redaction ? { ...step, text: restoreText(step.text, redaction.map) } : step;
        if (step.kind === 'defer') return step;
        reasons.push(`${name}: ${step.reason}`);
      }
    }
    return { kind: 'failed', reason: reasons.join('; ') };
  }

  private async call(
    provider: AiProviderConfig,
    messages: GenerationMessage[],
    request: GenerationRequest,
  ): Promise<GenerationOutcome> {
    const name = provider.name;
    const maxTokens = request.settings.maxTokens ?? provider.maxOutputTokens;
    const estimatedInput = estimateInputTokens(messages as ChatMessage[]);
    const estimatedCost = costUsd(provider, estimatedInput, maxTokens);
    const limits: BudgetLimit[] = [
      { scope: `pipeline:${request.pipelineId}`, budgetUsd: request.dailyBudgetUsd },
      { scope: 'total', budgetUsd: this.config.dailyBudgetUsd },
    ];
    let reason = 'failed';
    for (let attempt = 1; attempt <= this.config.retries + 1; attempt++) {
      if ((await this.breaker.allow(name)) === 'no')
        return {
          kind: 'failed',
          reason: attempt === 1 ? 'circuit breaker open' : `${reason}, then circuit breaker open`,
        };
      const waitMs = await this.limiter.acquire(
        name,
        provider.requestsPerMinute,
        provider.tokensPerMinute,
        estimatedInput + maxTokens,
      );
      if (waitMs > 0) return { kind: 'defer', waitMs };
      const reached = await this.budget.reserve(limits, estimatedCost);
      if (reached)
        return {
          kind: 'failed',
          reason: `daily budget (${reached.scope}) of ${reached.budgetUsd} USD spent`,
        };
      try {
        const answer = await this.callText(provider, messages, { ...request.settings, maxTokens });
        const cost = costUsd(provider, answer.usage.inputTokens, answer.usage.outputTokens);
        await this.limiter.adjustTokens(
          name,
          answer.usage.inputTokens + answer.usage.outputTokens - estimatedInput - maxTokens,
        );
        await this.budget.adjust(
          limits.map((l) => l.scope),
          cost - estimatedCost,
        );
        await this.breaker.success(name);
        return {
          kind: 'text',
          text: answer.text,
          provider: name,
          model: answer.model,
          costUsd: cost,
        };
      } catch (error) {
        await this.budget.adjust(
          limits.map((l) => l.scope),
          -estimatedCost,
        ); // a failed call is not charged
        const failure =
          error instanceof ProviderFailure
            ? error
            : new ProviderFailure('internal', (error as Error).message);
        reason = `${failure.kind} (${failure.message})`;
        if (failure.kind === 'rate_limited') {
          await this.limiter.block(name, failure.retryAfterMs ?? 1000);
          return { kind: 'defer', waitMs: failure.retryAfterMs ?? 1000 };
        }
        const state = await this.breaker.failure(name);
        if (!failure.retryable || state === 'open' || attempt > this.config.retries)
          return { kind: 'failed', reason };
        await this.sleep(jitter(this.config.retryBaseMs, attempt));
      }
    }
    return { kind: 'failed', reason };
  }
}
