import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The record of one LLM output sent for review. Status changes only through the workflow adapter. */
@Entity({ name: 'submissions' })
@Index('ux_submissions_client_idempotency_key', ['clientId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
@Index('ix_submissions_unsettled', ['updatedAt'], { where: "status IN ('received', 'scoring')" })
@Index('ix_submissions_client_created', ['clientId', 'createdAt'])
export class SubmissionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'pipeline_id' })
  pipelineId!: string;

  @Column('uuid', { name: 'policy_version_id' })
  policyVersionId!: string;

  @Column('text')
  status!: string;

  @Column('text', { name: 'external_id', nullable: true })
  externalId!: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  /** SHA-256 of the request body, to tell a retry (same body) from a conflict (other body). */
  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('jsonb')
  input!: Record<string, unknown>;

  @Column('jsonb')
  output!: Record<string, unknown>;

  @Column('jsonb')
  model!: Record<string, unknown>;

  @Column('text', { name: 'prompt_version', nullable: true })
  promptVersion!: string | null;

  @Column('jsonb', { nullable: true })
  metadata!: Record<string, unknown> | null;

  @Column('text', { name: 'callback_url', nullable: true })
  callbackUrl!: string | null;

  /** W3C traceparent of the intake span when tracing was on; deliveries continue its trace. */
  @Column('text', { nullable: true })
  traceparent!: string | null;

  @Column('double precision', { nullable: true })
  confidence!: number | null;

  /** The scoring engine's result: signals with evidence and contributions, gate findings. */
  @Column('jsonb', { nullable: true })
  scoring!: Record<string, unknown> | null;

  /** Final or routing decision: outcome, decidedBy, reasons, final output. */
  @Column('jsonb', { nullable: true })
  decision!: Record<string, unknown> | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  /** When the raw text (input, output, metadata, callback URL and every copy) was erased. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;
}
