import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from './workspace.entity';

/** One use case (prompt family) and which of its policy versions judge new submissions. */
@Entity({ name: 'pipelines' })
export class PipelineEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ux_pipelines_key', { unique: true })
  @Column('text')
  key!: string;

  /** The workspace it belongs to. */
  @Column('uuid', { name: 'workspace_id', default: DEFAULT_WORKSPACE_ID })
  workspaceId!: string;

  @Column('int', { name: 'active_version', nullable: true })
  activeVersion!: number | null;

  /** Versions active before the current one, most recent last: rollback pops from here. */
  @Column('int', { name: 'previous_versions', array: true, default: () => "'{}'" })
  previousVersions!: number[];

  /** A/B: splitPercent % of submissions are judged by splitVersion instead of the active one. */
  @Column('int', { name: 'split_version', nullable: true })
  splitVersion!: number | null;

  @Column('int', { name: 'split_percent', nullable: true })
  splitPercent!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
