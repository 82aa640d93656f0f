import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from './workspace.entity';

/** A prompt of the registry, by key; its versions are immutable, labels point at them. */
@Entity({ name: 'prompts' })
export class PromptEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ux_prompts_key', { unique: true })
  @Column('text')
  key!: string;

  /** The workspace it belongs to. */
  @Column('uuid', { name: 'workspace_id', default: DEFAULT_WORKSPACE_ID })
  workspaceId!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** A/B split between two labels or versions: `percent` % of units get `b`. */
  @Column('jsonb', { nullable: true })
  split!: { a: string; b: string; percent: number } | null;

  /** Automatic rollback limits (libs/prompts rollback rules). */
  @Column('jsonb', { default: () => "'{}'" })
  rollback!: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
