import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An immutable, validated policy document; submissions point at the version that judged them. */
@Entity({ name: 'policy_versions' })
@Index('ux_policy_versions_pipeline_version', ['pipelineId', 'version'], { unique: true })
export class PolicyVersionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'pipeline_id' })
  pipelineId!: string;

  @Column('int')
  version!: number;

  @Column('jsonb')
  document!: Record<string, unknown>;

  /** SHA-256 of the canonical document: a pipelines-dir file that did not change adds no version. */
  @Column('text')
  checksum!: string;

  /** Where it came from: "api" or "file:<name>". */
  @Column('text')
  source!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
