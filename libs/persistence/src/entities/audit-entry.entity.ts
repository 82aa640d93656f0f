import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One administrative or lead action: who, what, on what, the state before and after, why and
 * from where. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); no foreign keys, so an
 * entry outlives whatever it names.
 */
@Entity({ name: 'audit_entries' })
@Index('ix_audit_entries_at', ['at', 'id'])
@Index('ix_audit_entries_actor', ['actorId', 'at'])
@Index('ix_audit_entries_action', ['action', 'at'])
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  /** The workspace the action was taken in; null for a platform admin's action across workspaces. */
  @Column('uuid', { name: 'workspace_id', nullable: true })
  workspaceId!: string | null;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole!: string | null;

  /** e.g. `pipeline.activate`, `user.update`. */
  @Column('text')
  action!: string;

  /** e.g. `pipeline`, `user`, `api-key`. */
  @Column('text', { name: 'target_kind' })
  targetKind!: string;

  @Column('text', { name: 'target_id', nullable: true })
  targetId!: string | null;

  @Column('jsonb', { nullable: true })
  before!: unknown;

  @Column('jsonb', { nullable: true })
  after!: unknown;

  /** What was asked (the request body, secrets redacted). */
  @Column('jsonb', { nullable: true })
  request!: unknown;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column('text', { nullable: true })
  ip!: string | null;
}
