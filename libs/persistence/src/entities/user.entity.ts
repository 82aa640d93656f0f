import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const USER_ROLES = ['reviewer', 'lead', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person: reviewer, lead or admin. Passwords are scrypt hashes; none for single sign-on only. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Index('ux_users_email', { unique: true })
  @Column('text')
  email!: string;

  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  @Column('text')
  role!: UserRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** e.g. languages a reviewer reads ("th", "ms"); informs routing and the UI. */
  @Column('text', { array: true, default: () => "'{}'" })
  skills!: string[];

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;
}
