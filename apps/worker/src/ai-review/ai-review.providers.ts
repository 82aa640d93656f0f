import { Provider } from '@nestjs/common';
import { AiReviewDispatch } from './ai-review-dispatch.listener';
import { REVIEW_CHAIN_PROVIDER } from './ai-review-chain.provider';
import { AiReviewMetrics } from './ai-review-metrics.service';
import { AiReviewProcessor } from './ai-review.processor';
import { RecoverAiReview } from './recover-ai-review.use-case';
import { ReviewSubmission } from './review-submission.use-case';

/** Everything the worker needs for the ai-review queue (added to WorkerModule's providers). */
export const AI_REVIEW_PROVIDERS: Provider[] = [
  AiReviewMetrics,
  REVIEW_CHAIN_PROVIDER,
  ReviewSubmission,
  AiReviewProcessor,
  AiReviewDispatch,
  RecoverAiReview,
];
