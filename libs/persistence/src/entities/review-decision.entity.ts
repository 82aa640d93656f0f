import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReviewAction = 'approve' | 'reject' | 'edit' | 'escalate';

/** One reviewer's decision on a task; append-only. */
@Entity({ name: 'review_decisions' })
export class ReviewDecisionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'task_id' })
  taskId!: string;

  @Column('uuid', { name: 'submission_id' })
  submissionId!: string;

  @Column('uuid', { name: 'reviewer_id' })
  reviewerId!: string;

  @Column('text')
  action!: ReviewAction;

  @Column('text', { name: 'reason_codes', array: true })
  reasonCodes!: string[];

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('jsonb', { name: 'edited_output', nullable: true })
  editedOutput!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  diff!: unknown;

  @Column('int', { name: 'handling_ms', nullable: true })
  handlingMs!: number | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
