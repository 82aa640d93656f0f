import { AppConfig } from '@arbiter/config';
import { QueueName } from '@arbiter/queue';
import { PROCESSED_QUEUES, QueueHandler } from './queue-handler';
import { QueueWorkers } from './queue-workers.service';

const handler = (queue: QueueHandler['queue']): QueueHandler => ({
  queue,
  concurrency: () => 1,
  process: async () => undefined,
});
const config = {} as AppConfig;

describe('QueueWorkers', () => {
  it('refuses to start when a processed queue has no handler, naming it', () => {
    expect(
      () => new QueueWorkers(config, [handler(QueueName.Score), handler(QueueName.Deliver)]),
    ).toThrow(/no handler declared for queue\(s\) ai-review, maintenance/);
  });

  it('accepts a handler for every processed queue', () => {
    expect(() => new QueueWorkers(config, PROCESSED_QUEUES.map(handler))).not.toThrow();
  });
});
