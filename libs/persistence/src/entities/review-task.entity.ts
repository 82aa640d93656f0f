import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REVIEW_TASK_STATUSES = [
  'pending',
  'claimed',
  /** Decided, but within the policy's undo window: the outcome is not final yet. */
  'undoable',
  'decided',
  'escalated',
  'expired',
] as const;
export type ReviewTaskStatus = (typeof REVIEW_TASK_STATUSES)[number];
export type ReviewTaskKind = 'review' | 'escalation' | 'qa';
export type SlaState = 'ok' | 'at_risk' | 'breached';

/** The record of one human review; its BullMQ job (id = task id) is only the dispatch. */
@Entity({ name: 'review_tasks' })
export class ReviewTaskEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'submission_id' })
  submissionId!: string;

  @Column('text')
  queue!: string;

  @Column('text')
  kind!: ReviewTaskKind;

  @Column('text')
  status!: ReviewTaskStatus;

  /** BullMQ convention: lower is more urgent. */
  @Column('int')
  priority!: number;

  @Column('int')
  consensus!: number;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column('text', { name: 'sla_state' })
  slaState!: SlaState;

  @Column('uuid', { name: 'claimed_by', nullable: true })
  claimedBy!: string | null;

  @Column('timestamptz', { name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @Column('text', { name: 'lease_token', nullable: true })
  leaseToken!: string | null;

  @Column('timestamptz', { name: 'lease_expires_at', nullable: true })
  leaseExpiresAt!: Date | null;

  @Column('uuid', { name: 'escalated_from', nullable: true })
  escalatedFrom!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** Skills a reviewer needs to be offered the task (e.g. the submission's language, "th"). */
  @Column('text', { name: 'required_skills', array: true, default: () => "'{}'" })
  requiredSkills!: string[];

  /** From then on any reviewer of the queue may take it (nobody with the skill did); null: never. */
  @Column('timestamptz', { name: 'skill_fallback_at', nullable: true })
  skillFallbackAt!: Date | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
