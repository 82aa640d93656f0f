import { Injectable, OnModuleInit } from '@nestjs/common';
import { QueueProducer } from '@arbiter/queue';
import { DomainEvents } from '@arbiter/workflow';

/** Enqueues the AI review job when a submission enters ai_review (after the commit). */
@Injectable()
export class AiReviewDispatch implements OnModuleInit {
  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly producer: QueueProducer,
  ) {}

  // A failed enqueue is logged by the bus; RecoverAiReview re-enqueues what was missed.
  onModuleInit(): void {
    this.domainEvents.subscribe('ai-review.dispatch', 'submission.sent_to_ai_review', (moved) =>
      this.producer.enqueueAiReview(moved.submissionId).then(() => undefined),
    );
  }
}
