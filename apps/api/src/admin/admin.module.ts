import { Module, OnModuleInit } from '@nestjs/common';
import { AuditSnapshots } from '@arbiter/audit';
import { AuthModule, ClientAdmin } from '@arbiter/auth';
import { PeopleModule, UserAdmin } from '@arbiter/people';
import { ClientsController } from '../clients/clients.controller';
import { UsersController } from '../users/users.controller';

/** Admin endpoints: users and their queues, clients and their API keys. */
@Module({ imports: [AuthModule, PeopleModule], controllers: [UsersController, ClientsController] })
export class AdminModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly users: UserAdmin,
    private readonly clients: ClientAdmin,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('user', (id) => this.users.get(id));
    this.snapshots.register('client', (id) => this.clients.client(id));
    this.snapshots.register('api-key', (id) => this.clients.key(id));
  }
}
