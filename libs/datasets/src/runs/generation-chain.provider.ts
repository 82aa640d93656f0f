import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import {
  AiReviewRepository,
  BudgetScope,
  BudgetStore,
  CircuitBreakerStore,
  RateLimiterStore,
} from '@arbiter/ai-review';
import { QueueProducer } from '@arbiter/queue';
import { generateChatText } from './chat-text.provider';
import { GenerationChain } from './generation-chain';

/**
 * The generator's chain on the same Redis state as the AI reviewer's: one breaker and one rate
 * limit per provider, and the same daily budgets, whoever calls it (reviewing or generating).
 */
export const GENERATION_CHAIN_PROVIDER: Provider = {
  provide: GenerationChain,
  inject: [APP_CONFIG, QueueProducer, AiReviewRepository],
  useFactory: (config: AppConfig, producer: QueueProducer, calls: AiReviewRepository) => {
    const ai = config.aiReview;
    const redis = producer.connection;
    return new GenerationChain(
      ai,
      new CircuitBreakerStore(redis, config.redisPrefix, ai.breakerFailures, ai.breakerCooldownMs),
      new RateLimiterStore(redis, config.redisPrefix),
      new BudgetStore(redis, config.redisPrefix, (day: string, scope: BudgetScope) =>
        calls.spentOn(day, scope),
      ),
      generateChatText,
    );
  },
};
