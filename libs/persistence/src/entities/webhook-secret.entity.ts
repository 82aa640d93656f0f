import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A Standard Webhooks signing secret (`whsec_<base64>`); a rotated-out one signs until expiresAt. */
@Entity({ name: 'webhook_secrets' })
@Index('ix_webhook_secrets_client', ['clientId', 'createdAt'])
export class WebhookSecretEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('text')
  secret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  expiresAt!: Date | null;
}
