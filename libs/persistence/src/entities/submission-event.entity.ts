import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only timeline of a submission: every transition and notable step, never updated. */
@Entity({ name: 'submission_events' })
@Index('ix_submission_events_submission', ['submissionId', 'id'])
export class SubmissionEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('uuid', { name: 'submission_id' })
  submissionId!: string;

  /** e.g. "transition", "scored". */
  @Column('text')
  type!: string;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus!: string | null;

  @Column('text', { name: 'to_status', nullable: true })
  toStatus!: string | null;

  /** Who caused it: "api", "worker", "recovery", "user:<id>". */
  @Column('text')
  actor!: string;

  @Column('jsonb', { nullable: true })
  data!: Record<string, unknown> | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
