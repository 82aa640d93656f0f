import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One regression run of a dataset: candidates generated (or uploaded), scored, compared. */
@Entity({ name: 'regression_runs' })
@Index('ix_regression_runs_dataset', ['datasetId', 'createdAt'])
@Index('ix_regression_runs_unfinished', ['createdAt'], { where: `status IN ('queued', 'running')` })
export class RegressionRunEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'dataset_id' })
  datasetId!: string;

  @Column('text')
  status!: 'queued' | 'running' | 'completed' | 'failed';

  @Column('jsonb')
  trigger!: Record<string, unknown>;

  @Column('uuid', { name: 'prompt_version_id', nullable: true })
  promptVersionId!: string | null;

  @Column('text', { nullable: true })
  model!: string | null;

  /** Uploaded candidate outputs by item id, when the run scores them instead of generating. */
  @Column('jsonb', { nullable: true })
  candidates!: Record<string, string> | null;

  @Column('uuid', { name: 'previous_run_id', nullable: true })
  previousRunId!: string | null;

  @Column('int', { default: 0 })
  items!: number;

  @Column('int', { default: 0 })
  passed!: number;

  @Column('int', { default: 0 })
  failed!: number;

  @Column('int', { default: 0 })
  errored!: number;

  @Column('int', { default: 0 })
  regressions!: number;

  @Column('int', { default: 0 })
  fixed!: number;

  @Column('double precision', { name: 'pass_rate', nullable: true })
  passRate!: number | null;

  @Column('numeric', { name: 'cost_usd', precision: 14, scale: 8, default: 0 })
  costUsd!: string;

  @Column('text', { nullable: true })
  verdict!: 'passed' | 'regressed' | 'below_target' | null;

  @Column('text', { nullable: true })
  error!: string | null;

  /** Times the recovery put the run back on its queue after its worker died or its job was lost. */
  @Column('int', { default: 0 })
  resumes!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
