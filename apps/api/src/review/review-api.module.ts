import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { ReviewModule } from '@arbiter/review';
import { UserAdmin } from '../users/user-admin.use-case';
import { UsersController } from '../users/users.controller';
import { ReviewController } from './review.controller';
import { ReviewGateway } from './review.gateway';
import { ReviewQueries } from './review-queries.use-case';

@Module({
  imports: [AuthModule, ReviewModule],
  controllers: [ReviewController, UsersController],
  providers: [ReviewGateway, ReviewQueries, UserAdmin],
})
export class ReviewApiModule {}
