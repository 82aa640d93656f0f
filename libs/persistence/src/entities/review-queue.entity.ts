import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from './workspace.entity';

/** A human review queue, registered when a policy names it. */
@Entity({ name: 'review_queues' })
export class ReviewQueueEntity {
  @PrimaryColumn('text')
  name!: string;

  /** The workspace it belongs to. */
  @Column('uuid', { name: 'workspace_id', default: DEFAULT_WORKSPACE_ID })
  workspaceId!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

/** A reviewer's membership of a queue: reviewers see and claim only in their queues. */
@Entity({ name: 'queue_memberships' })
export class QueueMembershipEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('text')
  queue!: string;
}
