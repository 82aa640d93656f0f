import { Module } from '@nestjs/common';
import { DatasetsModule } from '@arbiter/datasets';
import { OversightModule } from '@arbiter/oversight';
import { ReviewModule } from '@arbiter/review';
import { WorkflowModule } from '@arbiter/workflow';
import { EraseByExternalId } from './erase-by-external-id.use-case';
import { RetentionRepository } from './retention.repository';
import { RetentionSweep } from './retention-sweep.use-case';
import { SubmissionErasure } from './submission-erasure.service';

const PROVIDERS = [RetentionRepository, SubmissionErasure, RetentionSweep, EraseByExternalId];

/** Retention and erasure of raw text: the sweep by policy (worker) and erasure on request (api). */
@Module({
  imports: [WorkflowModule, ReviewModule, OversightModule, DatasetsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class RetentionModule {}
