import { Injectable, OnModuleInit } from '@nestjs/common';
import { QueueProducer } from '@arbiter/queue';
import { SubmissionWorkflow } from '@arbiter/workflow';

/** Enqueues the AI review job when a submission enters ai_review (after the commit). */
@Injectable()
export class AiReviewDispatch implements OnModuleInit {
  constructor(
    private readonly workflow: SubmissionWorkflow,
    private readonly producer: QueueProducer,
  ) {}

  // A failed enqueue is logged by the workflow; RecoverAiReview re-enqueues what was missed.
  onModuleInit(): void {
    this.workflow.onTransition(async (event) => {
      if (event.to === 'ai_review') await this.producer.enqueueAiReview(event.submissionId);
    });
  }
}
