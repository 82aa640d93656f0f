import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ATTEMPT_OUTCOMES = ['delivered', 'stopped', 'retry', 'dead'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** One HTTP attempt to deliver an event: append-only. */
@Entity({ name: 'delivery_attempts' })
@Index('ix_delivery_attempts_event', ['eventId', 'id'])
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('int')
  attempt!: number;

  @Column('text')
  url!: string;

  @Column('int', { name: 'status_code', nullable: true })
  statusCode!: number | null;

  @Column('int', { name: 'latency_ms' })
  latencyMs!: number;

  @Column('text')
  outcome!: AttemptOutcome;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
