import { Module } from '@nestjs/common';
import { WorkflowModule } from '@arbiter/workflow';
import { IntakeCommitter } from './intake-committer.service';
import { IntakeMetrics } from './intake-metrics.service';
import { RoutedAnnouncer } from './routed-announcer.service';
import { RoutedWaiter } from './routed-waiter.service';
import { SubmissionIntake } from './submission-intake.use-case';
import { SubmissionQuery } from './submission-query.use-case';
import { SubmissionWaiter } from './submission-waiter.use-case';

const USE_CASES = [SubmissionIntake, SubmissionQuery, SubmissionWaiter];

/** Intake as the api runs it: accept a submission, read it back, wait for its route. */
@Module({
  imports: [WorkflowModule],
  providers: [...USE_CASES, IntakeCommitter, RoutedWaiter, RoutedAnnouncer, IntakeMetrics],
  exports: USE_CASES,
})
export class IntakeModule {}
