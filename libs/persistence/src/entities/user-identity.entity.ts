import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A provider account (OpenID Connect issuer and subject) linked to the user it signs in as. */
@Entity({ name: 'user_identities' })
export class UserIdentityEntity {
  @PrimaryColumn('text')
  issuer!: string;

  @PrimaryColumn('text')
  subject!: string;

  @Index('ix_user_identities_user')
  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_login_at' })
  lastLoginAt!: Date;
}
