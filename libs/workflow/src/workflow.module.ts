import { Module } from '@nestjs/common';
import { PolicyCatalog } from './policy-catalog.service';
import { SubmissionWorkflow } from './submission-workflow.service';

@Module({ providers: [SubmissionWorkflow, PolicyCatalog], exports: [SubmissionWorkflow, PolicyCatalog] })
export class WorkflowModule {}
