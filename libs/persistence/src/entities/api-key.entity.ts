import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An API key, stored as a SHA-256 hash: keys are random 32-byte secrets, so a fast hash is safe. */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ix_api_keys_client_id')
  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('text')
  name!: string;

  /** The first characters of the key, shown in listings so a person can tell keys apart. */
  @Column('text', { name: 'key_prefix' })
  keyPrefix!: string;

  @Index('ux_api_keys_key_hash', { unique: true })
  @Column('text', { name: 'key_hash' })
  keyHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
