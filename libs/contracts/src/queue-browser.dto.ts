import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { OptionalQueryInt } from './query-int';

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** The largest BullMQ priority (libs/policy MAX_PRIORITY). */
const MAX_PRIORITY = 2_097_151;

export const QUEUE_TASK_STATUSES = ['open', 'pending', 'claimed'] as const;

/** GET /v1/review/queues/:queue/tasks filters; every one narrows the list. */
export class QueueTasksQueryDto {
  @ApiPropertyOptional({
    enum: QUEUE_TASK_STATUSES,
    description: 'open (default): waiting and in review; pending: waiting; claimed: in review',
  })
  @IsOptional()
  @IsIn(QUEUE_TASK_STATUSES, { message: 'status must be one of open, pending, claimed' })
  status?: (typeof QUEUE_TASK_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Only tasks of this pipeline' })
  @IsOptional()
  @Matches(NAME, {
    message: 'pipeline must be a pipeline key (lower-case letters, digits, dashes)',
  })
  pipeline?: string;

  @ApiPropertyOptional({
    description: 'Only tasks whose routing reasons include this code (e.g. validator.pii)',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, {
    message: 'reason must be a reason code (letters, digits, "_", ".", ":", "-"; at most 100)',
  })
  reason?: string;

  @OptionalQueryInt('maxPriority', MAX_PRIORITY, {
    description: 'Only tasks this urgent or more (lower is more urgent)',
  })
  maxPriority?: number;

  @ApiPropertyOptional({ description: 'Only tasks due at or before this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueBefore must be an ISO 8601 date-time' })
  dueBefore?: string;

  @OptionalQueryInt('limit', 500, { default: 100 })
  limit?: number;
}

/** One open task as a lead browses its queue: what it is and why it is there, no evidence. */
export interface QueueTaskView {
  id: string;
  kind: string;
  status: 'pending' | 'claimed';
  priority: number;
  dueAt: string;
  slaState: string;
  createdAt: string;
  /** The email of the reviewer holding it, when claimed. */
  claimedBy: string | null;
  pipeline: string;
  policyVersion: number;
  externalId: string | null;
  confidence: number | null;
  /** The routing reasons' codes (why it came to people). */
  reasons: string[];
}

export interface QueueTasksView {
  queue: string;
  /** The most urgent first: priority, then due time. */
  tasks: QueueTaskView[];
  /** More tasks match than `limit`. */
  more: boolean;
}
