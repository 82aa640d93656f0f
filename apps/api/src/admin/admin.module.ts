import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { ClientsController } from '../clients/clients.controller';
import { UserAdmin } from '../users/user-admin.use-case';
import { UsersController } from '../users/users.controller';

/** Admin endpoints: users and their queues, clients and their API keys. */
@Module({ imports: [AuthModule], controllers: [UsersController, ClientsController], providers: [UserAdmin] })
export class AdminModule {}
