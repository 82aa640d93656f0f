import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { ReviewModule } from '@arbiter/review';
import { ReviewController } from './review.controller';
import { ReviewGateway } from './review.gateway';
import { ReviewQueries } from './review-queries.use-case';

@Module({
  imports: [AuthModule, ReviewModule],
  controllers: [ReviewController],
  providers: [ReviewGateway, ReviewQueries],
})
export class ReviewApiModule {}
