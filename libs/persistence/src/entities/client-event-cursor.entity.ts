import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last events-feed cursor handed out to a client (its row lock orders the client's events). */
@Entity({ name: 'client_event_cursors' })
export class ClientEventCursorEntity {
  @PrimaryColumn('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('bigint', { name: 'last_seq' })
  lastSeq!: string;
}
