import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { ReviewModule } from '@arbiter/review';
import { UserAdmin } from './user-admin.use-case';

/** The people who use Arbiter: accounts with their role (auth) and the queues they work (review). */
@Module({ imports: [AuthModule, ReviewModule], providers: [UserAdmin], exports: [UserAdmin] })
export class PeopleModule {}
