import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from './workspace.entity';

/** A submitting service. API keys belong to a client; a client sees only its own submissions. */
@Entity({ name: 'clients' })
export class ClientEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** The workspace it belongs to. */
  @Column('uuid', { name: 'workspace_id', default: DEFAULT_WORKSPACE_ID })
  workspaceId!: string;

  /** Pipelines this client may submit to; null means every pipeline. */
  @Column('text', { name: 'allowed_pipelines', array: true, nullable: true })
  allowedPipelines!: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
