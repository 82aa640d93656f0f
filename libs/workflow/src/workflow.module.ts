import { Module } from '@nestjs/common';
import { PolicyCatalog } from './policy-catalog.service';
import { RoutedAnnouncer } from './routed-announcer.service';
import { SubmissionWorkflow } from './submission-workflow.service';

@Module({
  providers: [SubmissionWorkflow, PolicyCatalog, RoutedAnnouncer],
  exports: [SubmissionWorkflow, PolicyCatalog],
})
export class WorkflowModule {}
