import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DELIVERY_EVENT_TYPES = [
  'submission.approved',
  'submission.rejected',
  'submission.expired',
  'submission.routed',
  'audit.failed',
] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];
export const DELIVERY_STATUSES = [
  'pending',
  'delivered',
  'stopped',
  'dead',
  'no_endpoint',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The outbox: one outcome event of a submission, its frozen body (so every attempt and replay
 * sends the same bytes under the same webhook-id) and where its delivery stands.
 */
@Entity({ name: 'delivery_events' })
@Index('ux_delivery_events_feed', ['clientId', 'feedSeq'], { unique: true })
@Index('ux_delivery_events_submission_state', ['submissionId', 'state'], { unique: true })
@Index('ix_delivery_events_pending', ['nextAttemptAt'], { where: "status = 'pending'" })
@Index('ix_delivery_events_dead', ['clientId', 'deadAt'], { where: "status = 'dead'" })
export class DeliveryEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'submission_id' })
  submissionId!: string;

  /** Insertion order (identity). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  /** The feed cursor, given at the first feed read after commit (see the migration). */
  @Column({ name: 'feed_seq', type: 'bigint', nullable: true })
  feedSeq!: string | null;

  @Column('text')
  type!: DeliveryEventType;

  /** The submission status this event announces. */
  @Column('text')
  state!: string;

  @Column('text')
  body!: string;

  @Column('text', { default: 'pending' })
  status!: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  /** Delivery round: 0 at first, +1 per replay (part of the job id). */
  @Column('int', { default: 0 })
  generation!: number;

  /** Start of the current round's retry horizon. */
  @Column('timestamptz', { name: 'retry_from', default: () => 'now()' })
  retryFrom!: Date;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column('timestamptz', { name: 'dead_at', nullable: true })
  deadAt!: Date | null;
}
