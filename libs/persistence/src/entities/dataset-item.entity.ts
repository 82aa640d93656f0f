import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One decided item of a dataset: input, output, the reviewer's verdict and correction. */
@Entity({ name: 'dataset_items' })
@Index('ux_dataset_items_submission', ['datasetId', 'submissionId'], { unique: true })
// Listed and exported in this order, a keyset page at a time.
@Index('ix_dataset_items_in_order', ['datasetId', 'createdAt', 'id'], {
  where: 'removed_at IS NULL',
})
export class DatasetItemEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'dataset_id' })
  datasetId!: string;

  @Column('uuid', { name: 'submission_id', nullable: true })
  submissionId!: string | null;

  @Column('text')
  source!: 'api' | 'rule';

  @Column('text')
  verdict!: 'approved' | 'rejected' | 'edited';

  @Column('jsonb')
  input!: Record<string, unknown>;

  @Column('jsonb', { default: () => "'{}'" })
  variables!: Record<string, unknown>;

  @Column('text', { nullable: true })
  language!: string | null;

  @Column('jsonb')
  output!: Record<string, unknown>;

  @Column('jsonb', { name: 'corrected_output', nullable: true })
  correctedOutput!: Record<string, unknown> | null;

  @Column('text', { array: true, default: () => "'{}'" })
  reasons!: string[];

  @Column('timestamptz', { name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
