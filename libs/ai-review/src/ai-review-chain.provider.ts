import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { BudgetScope, BudgetStore } from './budget.store';
import { callChatCompletions } from './openai-compatible.provider';
import { CircuitBreakerStore } from './circuit-breaker.store';
import { RateLimiterStore } from './rate-limiter.store';
import { ReviewChain } from './review-chain';
import { AiReviewRepository } from './ai-review.repository';
import { QueueProducer } from '@arbiter/queue';

/**
 * The fallback chain with its Redis-backed breaker, rate limits and budget counters (shared by
 * every worker replica under the deployment's Redis prefix) on the producer's connection.
 */
export const REVIEW_CHAIN_PROVIDER: Provider = {
  provide: ReviewChain,
  inject: [APP_CONFIG, QueueProducer, AiReviewRepository],
  useFactory: (config: AppConfig, producer: QueueProducer, calls: AiReviewRepository) => {
    const redis = producer.connection;
    const prefix = config.redisPrefix;
    const ai = config.aiReview;
    return new ReviewChain(
      ai,
      new CircuitBreakerStore(redis, prefix, ai.breakerFailures, ai.breakerCooldownMs),
      new RateLimiterStore(redis, prefix),
      new BudgetStore(redis, prefix, (day: string, scope: BudgetScope) =>
        calls.spentOn(day, scope),
      ),
      callChatCompletions,
    );
  },
};
