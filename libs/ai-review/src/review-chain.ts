import type { AiProviderConfig, AiReviewConfig } from '@arbiter/config';
import type { PolicyAiReview } from '@arbiter/policy';
import {
  ChatMessage,
  FailureKind,
  ProviderAnswer,
  ProviderFailure,
  ReviewItem,
  Verdict,
} from './ai-review.types';
import { BudgetLimit, BudgetScope, BudgetStore } from './budget.store';
import { BreakerState, CircuitBreakerStore } from './circuit-breaker.store';
import { reviewEmbedded } from './embedded.reviewer';
import { redactItem, RedactionMap, restoreVerdict } from './pii.redactor';
import { buildPrompt } from './prompt.templates';
import { RateLimiterStore } from './rate-limiter.store';
import { costUsd, estimateInputTokens } from './token.meter';

/** One provider call, as the timeline and ai_review_calls record it. */
export interface CallRecord {
  provider: string;
  kind: AiProviderConfig['kind'];
  model: string;
  region: string;
  attempt: number;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  usageReported: boolean;
  costUsd: number;
  outcome: 'ok' | FailureKind;
  verdict?: Verdict['verdict'];
  confidence?: number;
  error?: string;
  redacted: boolean;
  promptVersion: string;
}

export type SkipReason =
  'unknown_provider' | 'region_not_allowed' | 'breaker_open' | 'rate_limited';

/** What the chain tells its host as it goes (timeline events, rows, metrics). */
export interface ChainObserver {
  call(record: CallRecord): Promise<void>;
  skip(provider: string, reason: SkipReason, detail: string): Promise<void>;
  breaker(provider: string, state: BreakerState): void;
}

export type ChainOutcome =
  | { kind: 'verdict'; provider: AiProviderConfig; verdict: Verdict; redacted: boolean }
  | { kind: 'defer'; provider: string; waitMs: number }
  | { kind: 'budget'; scope: BudgetScope; spentUsd: number; budgetUsd: number }
  | { kind: 'unavailable'; reasons: string[] };

export interface ChainRequest {
  item: ReviewItem;
  section: PolicyAiReview;
  pipelineId: string;
  /** When the item started waiting for AI review: bounds how long rate limits may hold it. */
  waitingSince: number;
}

export type ChatCaller = (
  provider: AiProviderConfig,
  messages: ChatMessage[],
) => Promise<ProviderAnswer>;

/**
 * The fallback chain: providers in the policy's order, each behind its region check, circuit
 * breaker, shared rate limits and retries with jittered backoff; budgets checked first. The
 * first valid verdict wins; a fault moves on; no provider left → `unavailable`.
 */
export class ReviewChain {
  constructor(
    private readonly config: AiReviewConfig,
    private readonly breaker: CircuitBreakerStore,
    private readonly limiter: RateLimiterStore,
    private readonly budget: BudgetStore,
    private readonly callChat: ChatCaller,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((r) => setTimeout(r, ms)),
  ) {}

  async run(request: ChainRequest, observer: ChainObserver): Promise<ChainOutcome> {
    const over = await this.overBudget(request);
    if (over) return over;
    const { section } = request;
    const redaction = section.redactPii ? redactItem(request.item) : null;
    const reasons: string[] = [];
    for (const name of section.providers) {
      const provider = this.config.providers.find((p) => p.name === name);
      if (!provider) {
        await observer.skip(
          name,
          'unknown_provider',
          `provider "${name}" is not configured in ARBITER_AI_PROVIDERS`,
        );
        reasons.push(`${name}: not configured`);
        continue;
      }
      if (provider.kind === 'embedded') return this.embedded(provider, request, observer, reasons);
      // Data residency: a provider outside the pipeline's regions is never called.
      if (section.regions && !section.regions.includes(provider.region)) {
        await observer.skip(
          name,
          'region_not_allowed',
          `region ${provider.region} is not in ${section.regions.join(', ')}`,
        );
        reasons.push(`${name}: region ${provider.region} not allowed`);
        continue;
      }
      const step = await this.remote(provider, request, redaction?.item ?? request.item, observer);
      if (step.kind === 'verdict') {
        const verdict = redaction
          ? restoreVerdict(step.verdict, redaction.map, request.item.output)
          : locateOnly(step.verdict, request.item.output);
        return { kind: 'verdict', provider, verdict, redacted: redaction !== null };
      }
      if (step.kind === 'defer' || step.kind === 'budget') return step;
      reasons.push(`${name}: ${step.reason}`);
    }
    return {
      kind: 'unavailable',
      reasons: reasons.length ? reasons : ['no provider configured for this pipeline'],
    };
  }

  /** True the first time today a scope's budget alert is raised (once per scope, day and budget, across replicas). */
  firstBudgetAlert(scope: BudgetScope, budgetUsd: number): Promise<boolean> {
    return this.budget.firstAlert(scope, budgetUsd);
  }

  /** The budget scopes a call of this request counts against, the pipeline's first. */
  private budgetLimits(request: ChainRequest): BudgetLimit[] {
    return [
      { scope: `pipeline:${request.pipelineId}`, budgetUsd: request.section.dailyBudgetUsd },
      { scope: 'total', budgetUsd: this.config.dailyBudgetUsd },
    ];
  }

  private async overBudget(request: ChainRequest): Promise<ChainOutcome | null> {
    for (const { scope, budgetUsd } of this.budgetLimits(request)) {
      if (budgetUsd === undefined) continue;
      const spentUsd = await this.budget.spent(scope);
      if (spentUsd >= budgetUsd) return { kind: 'budget', scope, spentUsd, budgetUsd };
    }
    return null;
  }

  private async embedded(
    provider: AiProviderConfig,
    request: ChainRequest,
    observer: ChainObserver,
    reasons: string[],
  ): Promise<ChainOutcome> {
    const started = performance.now();
    const base = this.record(provider, request, 1, false);
    try {
      const verdict = reviewEmbedded(request.item);
      await observer.call({
        ...base,
        latencyMs: elapsed(started),
        outcome: 'ok',
        verdict: verdict.verdict,
        confidence: verdict.confidence,
      });
      return { kind: 'verdict', provider, verdict, redacted: false };
    } catch (error) {
      await observer.call({
        ...base,
        latencyMs: elapsed(started),
        outcome: 'internal',
        error: (error as Error).message,
      });
      return {
        kind: 'unavailable',
        reasons: [...reasons, `${provider.name}: ${(error as Error).message}`],
      };
    }
  }

  private async remote(
    provider: AiProviderConfig,
    request: ChainRequest,
    item: ReviewItem,
    observer: ChainObserver,
  ): Promise<
    | { kind: 'verdict'; verdict: Verdict }
    | { kind: 'defer'; provider: string; waitMs: number }
    | { kind: 'failed'; reason: string }
    | Extract<ChainOutcome, { kind: 'budget' }>
  > {
    const name = provider.name;
    const messages = buildPrompt(item, request.section.promptVersion);
    const estimatedInput = estimateInputTokens(messages);
    const estimated = estimatedInput + provider.maxOutputTokens;
    const estimatedCost = costUsd(provider, estimatedInput, provider.maxOutputTokens);
    const limits = this.budgetLimits(request);
    const scopes = limits.map((l) => l.scope);
    let reason = 'failed';
    for (let attempt = 1; attempt <= this.config.retries + 1; attempt++) {
      const gate = await this.breaker.allow(name);
      if (gate === 'no') {
        await observer.skip(name, 'breaker_open', 'circuit breaker is open');
        return {
          kind: 'failed',
          reason: attempt === 1 ? 'circuit breaker open' : `${reason}, then circuit breaker open`,
        };
      }
      const waitMs = await this.limiter.acquire(
        name,
        provider.requestsPerMinute,
        provider.tokensPerMinute,
        estimated,
      );
      if (waitMs > 0) {
        // Queued, not dropped: the job waits its turn unless it has already waited too long.
        if (Date.now() + waitMs - request.waitingSince <= this.config.maxQueueWaitMs)
          return { kind: 'defer', provider: name, waitMs };
        await observer.skip(
          name,
          'rate_limited',
          `rate limited for ${waitMs} ms more, past the longest queue wait`,
        );
        return { kind: 'failed', reason: 'rate limited' };
      }
      // The estimated cost counts against the budgets while the call is out; the real one replaces it.
      const reached = await this.budget.reserve(limits, estimatedCost);
      if (reached) return { kind: 'budget', ...reached };
      const base = this.record(provider, request, attempt, item !== request.item);
      const started = performance.now();
      try {
        const answer = await this.callChat(provider, messages);
        const { inputTokens, outputTokens, reported } = answer.usage;
        const cost = costUsd(provider, inputTokens, outputTokens);
        await this.limiter.adjustTokens(name, inputTokens + outputTokens - estimated);
        await this.budget.adjust(scopes, cost - estimatedCost);
        observer.breaker(name, await this.breaker.success(name));
        await observer.call({
          ...base,
          model: answer.model,
          latencyMs: elapsed(started),
          inputTokens,
          outputTokens,
          usageReported: reported,
          costUsd: cost,
          outcome: 'ok',
          verdict: answer.verdict.verdict,
          confidence: answer.verdict.confidence,
        });
        return { kind: 'verdict', verdict: answer.verdict };
      } catch (error) {
        await this.budget.adjust(scopes, -estimatedCost); // a failed call is not charged
        const failure =
          error instanceof ProviderFailure
            ? error
            : new ProviderFailure('internal', (error as Error).message);
        await observer.call({
          ...base,
          latencyMs: elapsed(started),
          outcome: failure.kind,
          error: failure.message,
        });
        reason = `${failure.kind} (${failure.message})`;
        if (failure.kind === 'rate_limited') {
          const retryAfter = failure.retryAfterMs ?? 1000;
          await this.limiter.block(name, retryAfter);
          if (Date.now() + retryAfter - request.waitingSince <= this.config.maxQueueWaitMs)
            return { kind: 'defer', provider: name, waitMs: retryAfter };
          return { kind: 'failed', reason };
        }
        const state = await this.breaker.failure(name);
        observer.breaker(name, state);
        if (!failure.retryable || state === 'open' || attempt > this.config.retries)
          return { kind: 'failed', reason };
        await this.sleep(jitter(this.config.retryBaseMs, attempt));
      }
    }
    return { kind: 'failed', reason };
  }

  private record(
    provider: AiProviderConfig,
    request: ChainRequest,
    attempt: number,
    redacted: boolean,
  ): CallRecord {
    return {
      provider: provider.name,
      kind: provider.kind,
      model: provider.model,
      region: provider.region,
      attempt,
      latencyMs: 0,
      inputTokens: 0,
      outputTokens: 0,
      usageReported: false,
      costUsd: 0,
      outcome: 'internal',
      redacted,
      promptVersion: request.section.promptVersion ?? 'v1',
    };
  }
}

/** Full jitter on an exponential backoff: spreads retries of many workers apart. */
export function jitter(baseMs: number, attempt: number): number {
  return Math.round(Math.random() * baseMs * 2 ** (attempt - 1));
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function locateOnly(verdict: Verdict, output: string): Verdict {
  return restoreVerdict(verdict, new Map() as RedactionMap, output);
}
