import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A submitting service. API keys belong to a client; a client sees only its own submissions. */
@Entity({ name: 'clients' })
export class ClientEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** Pipelines this client may submit to; null means every pipeline. */
  @Column('text', { name: 'allowed_pipelines', array: true, nullable: true })
  allowedPipelines!: string[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
