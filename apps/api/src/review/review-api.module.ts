import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { ReviewModule } from '@arbiter/review';
import { QueueBrowserController } from './queue-browser.controller';
import { RecentDecisionsController } from './recent-decisions.controller';
import { ReviewController } from './review.controller';
import { ReviewGateway } from './review.gateway';

@Module({
  imports: [AuthModule, ReviewModule],
  controllers: [ReviewController, QueueBrowserController, RecentDecisionsController],
  providers: [ReviewGateway],
})
export class ReviewApiModule {}
