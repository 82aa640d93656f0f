import { Injectable } from '@nestjs/common';
import type { QueueTasksQueryDto, QueueTasksView } from '@arbiter/contracts';
import { QueueTasksRepository } from './repositories/queue-tasks.repository';
import { ReviewQueueRepository } from './repositories/review-queue.repository';
import { reviewErrors } from './review.errors';

const DEFAULT_LIMIT = 100;
// PostgreSQL's timestamptz has no year 0 and ends in 294276; ISO 8601 allows both. A bound
// outside the years a task can have changes nothing, so it is clamped rather than refused.
const FIRST_YEAR_1 = new Date('0001-01-01T00:00:00Z').getTime();
const LAST_YEAR_9999 = new Date('9999-12-31T23:59:59Z').getTime();

/** dueBefore within the years PostgreSQL stores; the same tasks match. */
function dueBound(iso: string): Date {
  const at = new Date(iso).getTime();
  if (!Number.isFinite(at))
    throw reviewErrors.invalidFilter('dueBefore must be an ISO 8601 date-time');
  return new Date(Math.min(LAST_YEAR_9999, Math.max(FIRST_YEAR_1, at)));
}

/** A lead's read-only view of one queue: its open tasks, filtered, the most urgent first. */
@Injectable()
export class BrowseQueue {
  constructor(
    private readonly queues: ReviewQueueRepository,
    private readonly tasks: QueueTasksRepository,
  ) {}

  async execute(queue: string, query: QueueTasksQueryDto): Promise<QueueTasksView> {
    if (!(await this.queues.all()).includes(queue)) throw reviewErrors.queueNotFound(queue);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const status = query.status ?? 'open';
    const rows = await this.tasks.list({
      queue,
      statuses: status === 'open' ? ['pending', 'claimed'] : [status],
      pipeline: query.pipeline ?? null,
      reason: query.reason ?? null,
      maxPriority: query.maxPriority ?? null,
      dueBefore: query.dueBefore ? dueBound(query.dueBefore) : null,
      limit,
    });
    return {
      queue,
      more: rows.length > limit,
      tasks: rows.slice(0, limit).map((r) => ({
        ...r,
        dueAt: r.dueAt.toISOString(),
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }
}
