import { ColumnMap, DeliveryStatus, pickColumns, selectList } from '@arbiter/persistence';
import type {
  DeadLetterRow,
  EventForDelivery,
  EventRound,
  FeedRow,
} from './delivery-event.repository';

/** The fields of `delivery_events` the repository's reads fill their rows from. */
interface DeliveryEventColumns {
  id: string;
  clientId: string;
  submissionId: string;
  type: string;
  status: DeliveryStatus;
  body: string;
  attempts: number;
  generation: number;
  retryFrom: Date;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

/** Where each field of DeliveryEventColumns lives in `delivery_events`; each row shape picks from it. */
const EVENT_COLUMN_MAP: ColumnMap<DeliveryEventColumns> = {
  id: 'id',
  clientId: 'client_id',
  submissionId: 'submission_id',
  type: 'type',
  status: 'status',
  body: 'body',
  attempts: 'attempts',
  generation: 'generation',
  retryFrom: 'retry_from',
  nextAttemptAt: 'next_attempt_at',
  lastError: 'last_error',
  createdAt: 'created_at',
  deadAt: 'dead_at',
};

// Each read's row, picked from the table's fields; the delivery URL and the feed cursor are computed.
export const FOR_DELIVERY_COLUMNS = selectList<Omit<EventForDelivery, 'url' | 'traceparent'>>(
  pickColumns(EVENT_COLUMN_MAP, [
    'id',
    'clientId',
    'status',
    'body',
    'attempts',
    'generation',
    'retryFrom',
  ] as const),
  { table: 'e' },
);
export const FEED_COLUMNS = selectList<Omit<FeedRow, 'cursor'>>(
  pickColumns(EVENT_COLUMN_MAP, ['id', 'type', 'submissionId', 'createdAt', 'body'] as const),
);
export const DEAD_LETTER_COLUMNS = selectList<DeadLetterRow>(
  pickColumns(EVENT_COLUMN_MAP, [
    'id',
    'clientId',
    'submissionId',
    'type',
    'attempts',
    'lastError',
    'createdAt',
    'deadAt',
  ] as const),
);
export const ROUND_COLUMNS = selectList<EventRound>(
  pickColumns(EVENT_COLUMN_MAP, ['id', 'generation'] as const),
);
export const OVERDUE_COLUMNS = selectList<EventRound & { nextAttemptAt: Date }>(
  pickColumns(EVENT_COLUMN_MAP, ['id', 'generation', 'nextAttemptAt'] as const),
);
export const BODY_COLUMNS = selectList<{ id: string; body: string }>(
  pickColumns(EVENT_COLUMN_MAP, ['id', 'body'] as const),
);
