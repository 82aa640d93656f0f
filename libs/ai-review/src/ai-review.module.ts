import { Module } from '@nestjs/common';
import { OversightModule } from '@arbiter/oversight';
import { WorkflowModule } from '@arbiter/workflow';
import { AiReviewDispatch } from './ai-review-dispatch.subscriber';
import { REVIEW_CHAIN_PROVIDER } from './ai-review-chain.provider';
import { AiReviewMetrics } from './ai-review-metrics.service';
import { AiReviewRepository } from './ai-review.repository';
import { RecoverAiReview } from './recover-ai-review.use-case';
import { ReviewSubmission } from './review-submission.use-case';

/** The AI review stage as the worker runs it: dispatch on hand-over, the provider chain, recovery. */
@Module({
  imports: [WorkflowModule, OversightModule],
  providers: [
    AiReviewRepository,
    REVIEW_CHAIN_PROVIDER,
    AiReviewMetrics,
    ReviewSubmission,
    AiReviewDispatch,
    RecoverAiReview,
  ],
  exports: [ReviewSubmission, RecoverAiReview],
})
export class AiReviewModule {}
