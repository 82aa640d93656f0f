import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { UserRole } from './user.entity';

/** The workspace every row made without one belongs to (and every deployment's data before workspaces). */
export const DEFAULT_WORKSPACE_ID = '00000000-0000-4000-a000-000000000001';
export const DEFAULT_WORKSPACE_KEY = 'default';

/** Lower-case letters, digits and dashes, 1 to 63 characters, starting with a letter or digit. */
export const WORKSPACE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * A team's or a customer's own Arbiter: its pipelines, clients (their keys, webhooks and
 * submissions), review queues, prompts and datasets, and the people with a role in it.
 */
@Entity({ name: 'workspaces' })
export class WorkspaceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ux_workspaces_key', { unique: true })
  @Column('text')
  key!: string;

  @Column('text')
  name!: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}

/** A person's role in one workspace. */
@Entity({ name: 'workspace_members' })
export class WorkspaceMemberEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: UserRole;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;
}
