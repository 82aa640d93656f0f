import { AppConfig } from '@arbiter/config';
import { JobPayloads, QueueName } from '@arbiter/queue';
import { Job } from 'bullmq';

/** The queues the worker processes (review queues are claimed by people, not processed). */
export type ProcessedQueue =
  | QueueName.Score
  | QueueName.AiReview
  | QueueName.Deliver
  | QueueName.Maintenance
  | QueueName.Regression;
export const PROCESSED_QUEUES: readonly ProcessedQueue[] = [
  QueueName.Score,
  QueueName.AiReview,
  QueueName.Deliver,
  QueueName.Maintenance,
  QueueName.Regression,
];

type PayloadOf<Q extends ProcessedQueue> = Q extends keyof JobPayloads ? JobPayloads[Q] : unknown;

/**
 * What processing one queue takes, declared: the queue, its concurrency from config, the
 * handler and what to do when a job has failed its last attempt. QueueWorkers runs them.
 */
export interface QueueHandler<Q extends ProcessedQueue = ProcessedQueue> {
  readonly queue: Q;
  concurrency(config: AppConfig): number;
  process(job: Job<PayloadOf<Q>>): Promise<unknown>;
  onFinalFailure?(job: Job<PayloadOf<Q>>, error: Error): Promise<void>;
}

/** The DI token of the worker's handler list. */
export const QUEUE_HANDLERS = Symbol('QUEUE_HANDLERS');
