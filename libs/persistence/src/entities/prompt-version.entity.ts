import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One immutable version of a prompt: every language variant, the variables schema, model settings. */
@Entity({ name: 'prompt_versions' })
@Index('ux_prompt_versions_prompt_version', ['promptId', 'version'], { unique: true })
export class PromptVersionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'prompt_id' })
  promptId!: string;

  @Column('int')
  version!: number;

  @Column('jsonb')
  template!: Record<string, unknown>;

  @Column('jsonb')
  variables!: Record<string, unknown>;

  @Column('jsonb', { default: () => "'{}'" })
  model!: Record<string, unknown>;

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('text')
  author!: string;

  /** Where it came from: "api" or "file:<name>". */
  @Column('text')
  source!: string;

  @Column('text')
  checksum!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
