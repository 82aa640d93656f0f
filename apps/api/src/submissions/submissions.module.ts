import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { WorkflowModule } from '@arbiter/workflow';
import { MetricsModule } from '../metrics/metrics.module';
import { RoutedWaiter } from './routed-waiter.service';
import { SubmissionIntake } from './submission-intake.use-case';
import { SubmissionQuery } from './submission-query.use-case';
import { SubmissionWaiter } from './submission-waiter.use-case';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [AuthModule, WorkflowModule, MetricsModule],
  controllers: [SubmissionsController],
  providers: [SubmissionIntake, SubmissionQuery, SubmissionWaiter, RoutedWaiter],
})
export class SubmissionsModule {}
