import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A named pointer (production, staging, fallback, …) at one version of its own prompt. */
@Entity({ name: 'prompt_labels' })
export class PromptLabelEntity {
  @PrimaryColumn('uuid', { name: 'prompt_id' })
  promptId!: string;

  @PrimaryColumn('text')
  label!: string;

  @Column('uuid', { name: 'version_id' })
  versionId!: string;

  @Column('uuid', { name: 'previous_version_id', nullable: true })
  previousVersionId!: string | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
