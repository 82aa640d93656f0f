import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './events/domain-events.service';
import { PipelineRepository } from './pipeline.repository';
import { PolicyCatalog } from './policy-catalog.service';
import { RequeueStuck } from './requeue-stuck.service';
import { SubmissionRepository } from './submission.repository';
import { SubmissionWorkflow } from './submission-workflow.service';

const PROVIDERS = [
  SubmissionRepository,
  PipelineRepository,
  DomainEvents,
  SubmissionWorkflow,
  PolicyCatalog,
  RequeueStuck,
];

/**
 * The submission lifecycle every slice shares: the submissions, their state machine and the
 * policies that route them. Global: every slice reads submissions and policies.
 */
@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class WorkflowModule {}
