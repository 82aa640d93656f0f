import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A client's default webhook endpoint (a submission's callbackUrl wins over it). */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  @PrimaryColumn('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('text', { nullable: true })
  url!: string | null;

  /** Whether the client also wants `submission.routed` for intermediate states. */
  @Column('boolean', { name: 'subscribe_routed', default: false })
  subscribeRouted!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
