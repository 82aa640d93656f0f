import { Module } from '@nestjs/common';
import { WorkflowModule } from '@arbiter/workflow';
import { ShadowPolicies } from './shadow-policies.use-case';
import { ShadowRepository } from './shadow.repository';

/** Shadow policy versions: set and compared here; scored by ShadowScorer, which the worker registers. */
@Module({
  imports: [WorkflowModule],
  providers: [ShadowRepository, ShadowPolicies],
  exports: [ShadowRepository, ShadowPolicies],
})
export class ShadowModule {}
