import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A golden set of one pipeline and client, built from reviewers' decisions. */
@Entity({ name: 'datasets' })
@Index('ux_datasets_pipeline_name', ['pipelineId', 'name'], { unique: true })
export class DatasetEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'pipeline_id' })
  pipelineId!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'prompt_id', nullable: true })
  promptId!: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  rules!: unknown[];

  @Column('text', { default: 'none' })
  schedule!: 'none' | 'daily';

  @Column('double precision', { name: 'min_pass_rate' })
  minPassRate!: number;

  @Column('double precision', { name: 'min_similarity' })
  minSimilarity!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
